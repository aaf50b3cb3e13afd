"""The results document: what the judge says about one submission (schema version 1).

``JudgeResult.to_dict()`` is exactly what ``mlprep judge --json`` prints; the fields
are documented in docs/judge.md. Objects render themselves: ``__rich_console__`` for
terminals and ``_repr_html_`` for notebooks (rich is imported inside the method).

Whatever a submission did, the document stays printable, storable and standard JSON:
every text is valid UTF-8, every number finite (a time, memory or ratio that is not a
finite, non-negative measurement becomes null, or 0 where a number is required), and
the whole document fits in ``RESULTS_MAX_BYTES`` (``_fit`` cuts outputs, then details,
then tests, when it would not).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    model_validator,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = [
    "RESULTS_SCHEMA",
    "RESULTS_VERSION",
    "VERDICTS",
    "Complexity",
    "ErrorInfo",
    "GrowthSeries",
    "JudgeResult",
    "Memory",
    "TestResult",
    "Timing",
    "TraceFrame",
    "Verdict",
]

RESULTS_SCHEMA = "mlprep.judge-result"
RESULTS_VERSION = 1
RESULTS_MAX_BYTES = 1 << 20  # the document as json.dumps writes it (ASCII, as stored)
MAX_MEASURE = 1e12  # ms, kB or a ratio: anything larger is not a measurement

Verdict = Literal[
    "accepted",
    "wrong_answer",
    "runtime_error",
    "time_limit_exceeded",
    "memory_limit_exceeded",
    "output_limit_exceeded",
    "syntax_error",
    "forbidden",
    "internal_error",
]
VERDICTS: tuple[str, ...] = Verdict.__args__  # type: ignore[attr-defined]
TestKind = Literal["visible", "hidden", "random"]

_LABELS = {
    "accepted": "Accepted",
    "wrong_answer": "Wrong answer",
    "runtime_error": "Runtime error",
    "time_limit_exceeded": "Time limit exceeded",
    "memory_limit_exceeded": "Memory limit exceeded",
    "output_limit_exceeded": "Output limit exceeded",
    "syntax_error": "Syntax error",
    "forbidden": "Forbidden",
    "internal_error": "Internal error",
}
_STYLES = {"accepted": "bold green", "internal_error": "bold magenta"}


def verdict_label(verdict: str) -> str:
    return _LABELS.get(verdict, verdict)


def _utf8(text: str) -> str:
    """Lone surrogates (which JSON allows and UTF-8 does not) become '?'."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _measure(value: float | None) -> float | None:
    if value is None or not math.isfinite(value) or not 0 <= value <= MAX_MEASURE:
        return None
    return value


def _required_measure(value: float) -> float:
    return _measure(value) or 0.0


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _count(value: int | None) -> int | None:
    return value if value is None or 0 <= value <= MAX_MEASURE else None


Text = Annotated[str, AfterValidator(_utf8)]
Measure = Annotated[float | None, AfterValidator(_measure)]
RequiredMeasure = Annotated[float, AfterValidator(_required_measure)]
Finite = Annotated[float | None, AfterValidator(_finite)]
KB = Annotated[int | None, AfterValidator(_count)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TraceFrame(_Model):
    line: int
    function: Text
    code: Text


class ErrorInfo(_Model):
    """An exception raised by the learner's code, traceback trimmed to their own lines."""

    type: Text
    message: Text
    traceback: list[TraceFrame] = Field(default_factory=list)

    def text(self) -> str:
        lines = [f"  line {f.line}, in {f.function}: {f.code}" for f in self.traceback]
        head = f"{self.type}: {self.message}" if self.message else self.type
        return "\n".join([*lines, head])


class TestResult(_Model):
    """One test: what ran, the verdict and what a learner needs to fix it."""

    name: Text
    kind: TestKind
    verdict: Verdict
    message: Text
    note: Text = ""
    time_ms: Measure = None
    reference_time_ms: Measure = None
    memory_kb: KB = None
    input: Text | None = None
    expected: Text | None = None
    got: Text | None = None
    output: Text = ""
    output_truncated: bool = False
    error: ErrorInfo | None = None
    size: int | None = None


class Timing(_Model):
    total_ms: RequiredMeasure
    reference_total_ms: Measure
    ratio: Measure
    time_limit_ms: int
    wall_ms: RequiredMeasure


class Memory(_Model):
    peak_kb: KB
    reference_peak_kb: KB
    limit_mb: int


class GrowthSeries(_Model):
    """CPU time of one call at each size, and the fitted exponent of n."""

    exponent: Finite
    times_ms: list[Measure]
    fit_r2: Finite = None


class Complexity(_Model):
    sizes: list[int]
    yours: GrowthSeries
    reference: GrowthSeries
    required: Text | None = None
    summary: Text


class Counts(_Model):
    total: int
    passed: int
    failed: int
    not_run: int


class JudgeResult(_Model):
    """The verdict on one submission, and everything measured on the way."""

    schema_: str = Field(default=RESULTS_SCHEMA, alias="schema")
    version: int = RESULTS_VERSION
    question: str
    mode: Literal["submit", "run"]
    verdict: Verdict
    message: Text
    seed: int | None
    tests: list[TestResult] = Field(default_factory=list)
    counts: Counts
    timing: Timing | None = None
    memory: Memory | None = None
    complexity: Complexity | None = None
    setup_output: Text = ""
    error: ErrorInfo | None = None
    isolation: str

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="wrap")
    @classmethod
    def _within_ceiling(
        cls, data: Any, handler: ModelWrapValidatorHandler[JudgeResult]
    ) -> JudgeResult:
        """Every document, however it was built, fits in RESULTS_MAX_BYTES."""
        result = handler(data)
        if result.size() <= RESULTS_MAX_BYTES:
            return result
        return handler(_fit(result))

    def size(self) -> int:
        """Bytes of the document as ``json.dumps`` writes it (and the store keeps it)."""
        return len(json.dumps(self.to_dict()))

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    def to_dict(self) -> dict[str, Any]:
        """The versioned results document (docs/judge.md), JSON-ready."""
        doc = self.model_dump(mode="json", by_alias=True)
        doc["accepted"] = self.accepted
        order = ["schema", "version", "question", "mode", "verdict", "accepted", "message", "seed"]
        return {**{k: doc[k] for k in order}, **{k: v for k, v in doc.items() if k not in order}}

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> JudgeResult:
        data = {k: v for k, v in doc.items() if k != "accepted"}
        return cls.model_validate(data)

    # -- rendering ------------------------------------------------------------------

    def failed_tests(self) -> list[TestResult]:
        return [t for t in self.tests if t.verdict != "accepted"]

    def failures_to_show(self) -> list[TestResult]:
        """The first failure, and the first whose input may be shown if that is another.

        A hidden test shows no input, so when the first failure is hidden the first
        failing visible or random test follows it: the learner gets an input, the
        expected output and theirs to debug with.
        """
        failed = self.failed_tests()
        shown = failed[:1]
        open_ = next((t for t in failed if t.kind != "hidden"), None)
        if open_ is not None and open_ not in shown:
            shown.append(open_)
        return shown

    def __repr__(self) -> str:
        """At a Python prompt: the verdict as the CLI prints it, not the model's fields."""
        from mlprep._terminal import plain_render

        return plain_render(self)

    __str__ = __repr__

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table
        from rich.text import Text

        from mlprep._terminal import terminal_safe

        def safe(text: str, style: str = "") -> Text:
            # most of these strings come from the submission: never let them drive
            # the terminal (a green "Accepted" drawn over a failure, a window title)
            return Text(terminal_safe(text), style=style)

        style = _STYLES.get(self.verdict, "bold red")
        head = Text()
        head.append(verdict_label(self.verdict), style=style)
        head.append(terminal_safe(f"  {self.question}"))
        if self.seed is not None:
            head.append(f"  (seed {self.seed})", style="dim")
        yield head
        yield safe(self.message)
        if self.error is not None:
            yield safe(self.error.text(), style="red")
        if self.setup_output:
            yield Text("printed while loading:", style="dim")
            yield safe(self.setup_output.rstrip())
        if self.tests:
            table = Table(show_edge=False, pad_edge=False, box=None)
            table.add_column("test")
            table.add_column("kind", style="dim")
            table.add_column("verdict")
            table.add_column("time", justify="right")
            for t in self.tests:
                v_style = "green" if t.verdict == "accepted" else "red"
                time_text = f"{t.time_ms:.1f} ms" if t.time_ms is not None else "-"
                table.add_row(
                    safe(t.name), t.kind, Text(verdict_label(t.verdict), style=v_style), time_text
                )
            yield table
        for t in self.failures_to_show():
            yield Text("")
            yield safe(f"{t.name} ({t.kind}): {verdict_label(t.verdict)}", style="bold")
            yield safe(t.message)
            if t.note and t.kind == "hidden":
                yield safe(f"what it checks: {t.note}", style="dim")
            for label, value in (("input", t.input), ("expected", t.expected), ("got", t.got)):
                if value is not None:
                    short = value if len(value) <= 240 else value[:239] + "…"
                    yield safe(f"{label:>8}: {short}")
            if t.error is not None:
                yield safe(t.error.text(), style="red")
            if t.output:
                yield Text("printed:", style="dim")
                yield safe(t.output.rstrip() + (" …" if t.output_truncated else ""))
        extra = self._measure_lines()
        if extra:
            yield Text("")
            for line in extra:
                yield safe(line, style="dim")

    def _measure_lines(self) -> list[str]:
        lines = []
        if self.timing is not None:
            text = f"time {self.timing.total_ms:.1f} ms"
            if self.timing.ratio is not None and self.timing.reference_total_ms is not None:
                text += (
                    f", reference {self.timing.reference_total_ms:.1f} ms "
                    f"({self.timing.ratio:.2g}x)"
                )
            lines.append(text)
        if self.memory is not None and self.memory.peak_kb is not None:
            text = f"peak memory {self.memory.peak_kb / 1024:.1f} MB"
            if self.memory.reference_peak_kb is not None:
                text += f", reference {self.memory.reference_peak_kb / 1024:.1f} MB"
            lines.append(text)
        if self.complexity is not None:
            lines.append(self.complexity.summary)
        if not self.isolation.startswith("bubblewrap+seccomp+rlimits"):
            lines.append(f"isolation: {self.isolation}")
        return lines

    def _repr_html_(self) -> str:
        e = html.escape
        color = "#1a7f37" if self.accepted else "#cf222e"
        parts = [
            f'<div class="mlprep-judge"><p><strong style="color:{color}">'
            f"{e(verdict_label(self.verdict))}</strong> &middot; {e(self.question)}"
            + (f" <small>(seed {self.seed})</small>" if self.seed is not None else "")
            + f"</p><p>{e(self.message)}</p>"
        ]
        if self.error is not None:
            parts.append(f"<pre>{e(self.error.text())}</pre>")
        if self.tests:
            rows = "".join(
                f"<tr><td>{e(t.name)}</td><td>{t.kind}</td><td>{e(verdict_label(t.verdict))}"
                f"</td><td>{'' if t.time_ms is None else f'{t.time_ms:.1f} ms'}</td></tr>"
                for t in self.tests
            )
            parts.append(
                "<table><tr><th>test</th><th>kind</th><th>verdict</th><th>time</th>"
                f"</tr>{rows}</table>"
            )
        for t in self.failed_tests()[:3]:
            detail = [f"<p><strong>{e(t.name)}</strong> ({t.kind}): {e(t.message)}</p>"]
            for label, value in (("input", t.input), ("expected", t.expected), ("got", t.got)):
                if value is not None:
                    detail.append(f"<div><em>{label}</em>: <code>{e(value)}</code></div>")
            if t.error is not None:
                detail.append(f"<pre>{e(t.error.text())}</pre>")
            if t.output:
                detail.append(f"<div><em>printed</em>:<pre>{e(t.output)}</pre></div>")
            parts.append("".join(detail))
        for line in self._measure_lines():
            parts.append(f"<p><small>{e(line)}</small></p>")
        parts.append("</div>")
        return "".join(parts)


def _fit(result: JudgeResult) -> dict[str, Any]:
    """The document's data cut down, in steps, until it fits in RESULTS_MAX_BYTES.

    Outputs go first (to 256 bytes each), then tracebacks and long reprs, then the
    tests at the end of the list; counts, the verdict and the message stay as judged.
    """
    doc = result.model_dump(by_alias=True)

    def cut(text: str | None, n: int) -> str | None:
        return text if text is None or len(text) <= n else text[: n - 1] + "…"

    def output(t: dict[str, Any]) -> None:
        if len(t["output"]) > 256:
            t["output"], t["output_truncated"] = cut(t["output"], 256), True

    def details(t: dict[str, Any]) -> None:
        for key in ("input", "expected", "got"):
            t[key] = cut(t[key], 120)
        if t["error"] is not None:
            t["error"]["traceback"] = []

    steps: list[Callable[[dict[str, Any]], None]] = [output, details]
    doc["setup_output"] = cut(doc["setup_output"], 4096)
    doc["message"] = cut(doc["message"], 2000)
    for step in steps:
        for test in doc["tests"]:
            step(test)
        if _dumped_size(doc) <= RESULTS_MAX_BYTES:
            return doc
    tests, doc["tests"] = doc["tests"], []
    room = RESULTS_MAX_BYTES - _dumped_size(doc) - 64
    for test in tests:
        room -= _dumped_size(test) + 2
        if room < 0:
            break
        doc["tests"].append(test)
    return doc


def _dumped_size(data: Any) -> int:
    return len(json.dumps(data, default=str))
