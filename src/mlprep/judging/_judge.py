"""The trusted side of judging: build the tests, run both solutions, decide verdicts.

Everything that decides a verdict happens here, in the trusted process, on data
decoded from the sandbox's own pipe: expected values, the checker and the
comparison never leave this process.
"""

from __future__ import annotations

import ast
import copy
import math
import random
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from . import _wire
from ._results import (
    Complexity,
    Counts,
    ErrorInfo,
    GrowthSeries,
    JudgeResult,
    Memory,
    TestResult,
    Timing,
    TraceFrame,
)
from ._sandbox import Job, SandboxUnavailable, Zygote, adopt_prestarted, run_job

__all__ = ["WarmJudge", "judge"]

Mode = Literal["submit", "run"]
OUTPUT_LIMIT_BYTES = 1 << 20
RUNNER_BROKE = 86  # the zygote's exit code for a child whose runner broke
RESULT_LIMIT_BYTES = 32 << 20
MAX_TIMEOUTS = 2
_REPEAT_BELOW_MS = 20.0  # growth runs shorter than this are measured again
_MEASURABLE_MS = 0.2  # shorter CPU times say more about the timer than the code
_FAIL_ORDER = ("visible", "hidden", "random")


# ----------------------------------------------------------------------------- planning


@dataclass
class PlannedTest:
    index: int
    name: str
    kind: Literal["visible", "hidden", "random"]
    args: tuple[Any, ...]
    note: str = ""
    expected: Any = None
    has_expected: bool = False
    size: int | None = None


@dataclass
class Attempt:
    """How one test ended in the sandbox, before judging."""

    status: str  # ok error timeout output crash unreadable too_big protocol lost not_run setup
    value: Any = None
    error: dict[str, Any] | None = None
    time_ms: float | None = None
    cpu_ms: float | None = None
    peak_kb: int | None = None
    stdout: str = ""
    stdout_bytes: int = 0
    mutated: list[str] = field(default_factory=list)
    detail: str = ""
    signal: int | None = None
    exit_code: int | None = None


def _planned_cases(suite: Any, kinds: tuple[str, ...]) -> list[PlannedTest]:
    tests: list[PlannedTest] = []
    for case in suite.cases:
        if case.kind in kinds:
            tests.append(
                PlannedTest(
                    len(tests),
                    case.name,
                    case.kind,
                    tuple(case.args),
                    case.note,
                    case.expected,
                    case.has_expected,
                )
            )
    return tests


def _random_tests(suite: Any, spec: Any, seed: int, start: int) -> list[PlannedTest]:
    import numpy as np

    rng = np.random.default_rng(seed)
    sizes = list(spec.random_sizes) or [16]
    tests = []
    for i in range(spec.random_tests):
        size = sizes[i % len(sizes)]
        args = tuple(suite.generate(rng, size))
        tests.append(
            PlannedTest(
                start + i,
                f"random #{i + 1} (size {size})",
                "random",
                args,
                "fresh input from the generator",
                size=size,
            )
        )
    return tests


def _banned_imports(source: str, banned: list[str]) -> str | None:
    if not banned:
        return None
    tree = ast.parse(source)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            if name.partition(".")[0] in banned:
                return f"line {getattr(node, 'lineno', '?')}: imports {name}"
    return None


# ----------------------------------------------------------------------------- running


def _attempt_from_done(msg: dict[str, Any]) -> Attempt:
    cpu = msg.get("cpu_ms")
    cpu_ms = float(cpu) if isinstance(cpu, (int, float)) and not isinstance(cpu, bool) else None
    base = {
        "time_ms": float(msg["time_ms"]),
        "cpu_ms": cpu_ms,
        "peak_kb": int(msg["peak_kb"]),
        "stdout": msg["stdout"],
        "stdout_bytes": int(msg["stdout_bytes"]),
    }
    if msg.get("output_exceeded") is True:
        return Attempt("output", **base)
    if msg.get("prepare_failed"):
        return Attempt("prepare", error=msg.get("error"), **base)
    if msg["ok"]:
        try:
            value = _wire.decode(msg["value"])
        except _wire.WireError as exc:
            return Attempt("protocol", detail=str(exc), **base)
        return Attempt("ok", value=value, mutated=list(msg["mutated"]), **base)
    if "too_big" in msg:
        return Attempt("too_big", detail=str(msg["too_big"]), **base)
    if "unreadable" in msg:
        return Attempt("unreadable", detail=str(msg["unreadable"]), **base)
    return Attempt("error", error=msg.get("error"), **base)


def _attempt_from_end(out: Any, time_limit_s: float) -> Attempt:
    if out.lost:
        return Attempt("lost")
    if out.too_big:
        return Attempt("too_big", detail=str(out.too_big))
    if out.protocol_error:
        return Attempt("protocol", detail=out.protocol_error)
    if out.timed_out or out.exit_signal == signal.SIGXCPU:
        return Attempt("timeout", time_ms=time_limit_s * 1000)
    if out.exit_signal == signal.SIGXFSZ:
        return Attempt("output")
    if out.exit_signal is not None:
        return Attempt("crash", signal=out.exit_signal)
    return Attempt("exit", exit_code=out.exit_code)


class _Runner:
    """Runs jobs on a zygote, restarting it if it dies; shared by cold and warm paths."""

    def __init__(self, zygote: Zygote | None = None) -> None:
        self._zygote = zygote
        self._lock = threading.Lock()

    def begin(self) -> None:
        with self._lock:
            if self._zygote is None or not self._zygote.alive:
                self._zygote = Zygote().start()

    def zygote(self) -> Zygote:
        with self._lock:
            if self._zygote is None or not self._zygote.alive:
                self._zygote = Zygote().start()
            zygote = self._zygote
        try:
            zygote.wait_ready()
        except SandboxUnavailable:
            if zygote.mode != "bwrap":
                raise
            with self._lock:  # bubblewrap does not work here: fall back once, loudly
                if self._zygote is zygote:
                    self._zygote = Zygote().start()
                zygote = self._zygote
            zygote.wait_ready()
        return zygote

    @property
    def mode(self) -> str:
        return self._zygote.mode if self._zygote is not None else "unknown"

    def close(self) -> None:
        with self._lock:
            if self._zygote is not None:
                self._zygote.close()
                self._zygote = None

    def run_all(self, job: Job) -> tuple[dict[str, Any] | None, dict[int, Attempt]]:
        """Run every test of ``job``; a child that dies mid-way costs only its test."""
        remaining = list(job.tests)
        results: dict[int, Attempt] = {}
        setup: dict[str, Any] | None = None
        timeouts = 0
        while remaining:
            out = run_job(self.zygote(), replace(job, tests=remaining))
            if out.setup is not None and setup is None:
                setup = out.setup
            if out.setup is None or not out.setup.get("ok"):
                if out.setup is None:
                    ended = _attempt_from_end(out, job.time_limit_s)
                    setup = {"ok": False, "ended": ended, "stdout": "", "stdout_bytes": 0}
                return setup, results
            for index, msg in out.done.items():
                results[index] = _attempt_from_done(msg)
            progressed = bool(out.done)
            if out.current is not None:
                results[out.current] = _attempt_from_end(out, job.time_limit_s)
                progressed = True
            remaining = [t for t in remaining if t[0] not in results]
            if remaining and not progressed:
                results[remaining[0][0]] = _attempt_from_end(out, job.time_limit_s)
                remaining = remaining[1:]
            timeouts = sum(1 for a in results.values() if a.status == "timeout")
            if timeouts >= MAX_TIMEOUTS:
                for i, *_ in remaining:
                    results[i] = Attempt("not_run")
                break
        return setup, results


# ----------------------------------------------------------------------------- judging

_SIGNAL_WORDS: dict[int, str] = {
    signal.SIGSEGV: "a segmentation fault (often very deep recursion or a bad ctypes call)",
    signal.SIGBUS: "a bus error",
    signal.SIGABRT: "an abort (often running out of memory inside a library)",
    signal.SIGFPE: "a floating-point exception",
    signal.SIGILL: "an illegal instruction",
    signal.SIGKILL: "being killed (SIGKILL)",
    signal.SIGTERM: "a termination signal",
}


def _error_info(error: dict[str, Any] | None) -> ErrorInfo | None:
    if not error:
        return None
    frames = []
    for f in error.get("frames", [])[:12]:
        if isinstance(f, dict):
            try:
                frames.append(
                    TraceFrame(
                        line=int(f.get("line", 0)),
                        function=str(f.get("function", ""))[:80],
                        code=str(f.get("code", ""))[:200],
                    )
                )
            except (TypeError, ValueError):
                continue
    return ErrorInfo(
        type=str(error.get("type", "Error"))[:80],
        message=str(error.get("message", ""))[:1000],
        traceback=frames,
    )


def _failure(attempt: Attempt, limit_ms: int, memory_mb: int) -> tuple[str, str]:
    """(verdict, message) for an attempt that did not return a value."""
    s = attempt.status
    if s == "timeout":
        return "time_limit_exceeded", f"did not finish within the time limit of {limit_ms} ms"
    if s == "output":
        return "output_limit_exceeded", (
            f"printed more than {OUTPUT_LIMIT_BYTES // 1024} KB; remove or shorten debug prints"
        )
    if s == "too_big":
        return "output_limit_exceeded", (
            f"returned a value larger than {RESULT_LIMIT_BYTES >> 20} MB once encoded"
        )
    if s == "unreadable":
        return "wrong_answer", (
            f"returned {attempt.detail}, which the judge cannot read; return plain data "
            "(numbers, strings, bools, lists, tuples, dicts, NumPy arrays, pandas objects)"
        )
    if s == "protocol":
        return "forbidden", f"interfered with the judge's channel ({attempt.detail})"
    if s == "crash":
        sig = attempt.signal or 0
        if sig == signal.SIGSYS:
            return "forbidden", "the sandbox stopped a system call your code made"
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        words = _SIGNAL_WORDS.get(sig, name)
        return "runtime_error", f"the process crashed with {words} [{name}]"
    if s == "exit" and attempt.exit_code == RUNNER_BROKE:
        return "runtime_error", (
            "the judge lost contact with your process; does your code close or redirect "
            "file descriptors?"
        )
    if s == "exit":
        return "runtime_error", (
            f"your code ended the process (exit code {attempt.exit_code}) during this test; "
            "return a value instead of exiting"
        )
    if s == "lost":
        return "internal_error", "the sandbox stopped unexpectedly (not your fault; try again)"
    if s in ("error", "prepare"):
        error = attempt.error or {}
        kind = error.get("kind")
        text = f"{error.get('type', 'Error')}: {error.get('message', '')}".rstrip(": ")
        if s == "prepare":
            return "internal_error", f"the test input could not be prepared ({text})"
        if kind == "memory":
            return "memory_limit_exceeded", f"ran out of memory (limit {memory_mb} MB)"
        if kind == "output":
            return "output_limit_exceeded", (
                f"wrote more than {OUTPUT_LIMIT_BYTES // 1024} KB to the output or to one file; "
                "remove or shorten debug prints"
            )
        if kind == "banned":
            return "forbidden", f"{text} (this question asks for a solution without it)"
        if kind == "blocked":
            return "forbidden", (
                f"{text}: the sandbox does not allow network access, new processes or "
                "signals to other processes"
            )
        if kind == "exit":
            return "runtime_error", f"called exit ({text}); return a value instead"
        return "runtime_error", f"raised {text}"
    return "internal_error", f"unexpected sandbox state {s!r}"


def _check(
    suite: Any, spec: Any, test: PlannedTest, expected: Any, got: Any
) -> tuple[str | None, str | None]:
    """(message, hidden-safe message) when ``got`` is wrong, else (None, None)."""
    if suite.check is not None:
        try:
            message = suite.check(copy.deepcopy(test.args), copy.deepcopy(expected), got)
        except Exception as exc:
            text = f"your output could not be checked ({type(exc).__name__}: {exc})"[:400]
            return text, "your output could not be checked"
        if message is None:
            return None, None
        return str(message)[:1000], "the answer is not valid for this input"
    from ._compare import compare

    found = compare(expected, got, spec.rtol, spec.atol)
    if found is None:
        return None, None
    return found.message, found.hidden_message


def _fit_exponent(sizes: list[int], times: list[float | None]) -> tuple[float | None, float | None]:
    """Least-squares slope of log(time) against log(n), and the fit's R squared.

    Times under _MEASURABLE_MS are mostly timer and call overhead: they are left out.
    """
    points = [
        (math.log(n), math.log(t))
        for n, t in zip(sizes, times, strict=False)
        if t is not None and t >= _MEASURABLE_MS and n > 0
    ]
    if len(points) < 2:
        return None, None
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    syy = sum((p[1] - my) ** 2 for p in points)
    if sxx == 0:
        return None, None
    slope = sum((p[0] - mx) * (p[1] - my) for p in points) / sxx
    r2 = 1.0 if syy == 0 else max(0.0, min(1.0, slope * slope * sxx / syy))
    return round(slope, 2), round(r2, 3)


def _growth_words(exponent: float | None, r2: float | None) -> str:
    if exponent is None:
        return "is too fast to measure at these sizes"
    if exponent < 0.3:
        words = "grows slower than n (nearly constant)"
    elif abs(exponent - 1) < 0.25:
        words = f"grows about like n (n^{exponent:.1f})"
    else:
        words = f"grows about like n^{exponent:.1f}"
    if r2 is not None and r2 < 0.9:
        words += " (a rough estimate: the times were noisy)"
    return words


class _Judgement:
    """One call of ``judge``: plans, runs and assembles a JudgeResult."""

    def __init__(
        self,
        runner: _Runner,
        question: Any,
        source: str,
        seed: int | None,
        mode: Mode,
        custom_args: tuple[Any, ...] | None,
        measure: bool,
    ) -> None:
        self.runner = runner
        self.question = question
        self.spec = question.meta.coding
        self.source = source
        self.seed = seed
        self.mode = mode
        self.custom_args = custom_args
        self.measure = measure
        self.t0 = time.perf_counter()
        self._wire_cache: dict[int, tuple[PlannedTest, bytes, list[bytes]]] = {}

    def result(self, verdict: str, message: str, **kw: Any) -> JudgeResult:
        tests: list[TestResult] = kw.pop("tests", [])
        not_run = kw.pop("not_run", 0)
        passed = sum(1 for t in tests if t.verdict == "accepted")
        isolation = kw.pop("isolation", None) or self._isolation()
        return JudgeResult(
            question=self.question.id,
            mode=self.mode,
            verdict=verdict,  # type: ignore[arg-type]
            message=message,
            seed=self.seed,
            tests=tests,
            counts=Counts(
                total=len(tests) + not_run,
                passed=passed,
                failed=len(tests) - passed,
                not_run=not_run,
            ),
            isolation=isolation,
            **kw,
        )

    def _isolation(self) -> str:
        mode = self.runner.mode
        if mode == "bwrap":
            return "bubblewrap+seccomp+rlimits"
        if mode == "rlimits":
            return "rlimits+seccomp (weaker: no namespaces)"
        return "not started"

    def run(self) -> JudgeResult:
        from mlprep.content import ContentErrors, load_tests

        spec = self.spec
        try:
            compile(self.source, "solution.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            line = getattr(exc, "lineno", None)
            text = (getattr(exc, "text", None) or "").rstrip()
            where = f"line {line}: " if line else ""
            detail = f"{where}{getattr(exc, 'msg', str(exc))}"
            error = ErrorInfo(
                type=type(exc).__name__,
                message=detail,
                traceback=[TraceFrame(line=line or 0, function="<module>", code=text.strip()[:200])]
                if line
                else [],
            )
            return self.result(
                "syntax_error",
                f"Your code does not parse: {detail}",
                error=error,
                isolation="not run",
            )
        banned = _banned_imports(self.source, list(spec.banned_imports))
        if banned:
            return self.result(
                "forbidden",
                f"This question asks for a solution without "
                f"{', '.join(spec.banned_imports)} ({banned}).",
                isolation="not run",
            )
        try:
            suite = _suite(self.question, load_tests)
        except ContentErrors as exc:
            return self.result(
                "internal_error", f"the question's tests do not load: {exc}", isolation="not run"
            )
        if self.seed is None:
            self.seed = random.SystemRandom().randrange(1, 2**31)
        try:
            tests = self._plan(suite)
        except Exception as exc:  # content's fault: a generator that raises
            return self.result(
                "internal_error",
                f"the question's test generator failed: {type(exc).__name__}: {exc}",
                isolation="not run",
            )
        try:
            return self._execute(suite, tests)
        except SandboxUnavailable as exc:
            return self.result("internal_error", f"the sandbox could not run: {exc}")

    def _plan(self, suite: Any) -> list[PlannedTest]:
        if self.mode == "run":
            if self.custom_args is not None:
                return [
                    PlannedTest(
                        0, "your input", "visible", tuple(self.custom_args), "the input you gave"
                    )
                ]
            return _planned_cases(suite, ("visible",))
        cases = _planned_cases(suite, ("visible",)) + _planned_cases(suite, ("hidden",))
        for i, t in enumerate(cases):
            t.index = i
        return cases + _random_tests(suite, self.spec, self.seed or 0, len(cases))

    def _encoded(self, test: PlannedTest) -> tuple[bytes, list[bytes]]:
        key = id(test)
        if key not in self._wire_cache:
            blobs: list[bytes] = []
            encoded = _wire.dumps(_wire.encode(test.args, blobs))
            self._wire_cache[key] = (test, encoded, blobs)
        return self._wire_cache[key][1], self._wire_cache[key][2]

    def _job(
        self, source: str, tests: list[PlannedTest], check_mutation: bool, limit_factor: float = 1.0
    ) -> Job:
        spec = self.spec
        support_path = self.question.file("support.py")
        support = support_path.read_text(encoding="utf-8") if support_path.exists() else None
        return Job(
            source=source,
            entry=spec.entry_point,
            params=list(spec.parameters),
            tests=[(t.index, *self._encoded(t)) for t in tests],
            support=support,
            banned=list(spec.banned_imports),
            time_limit_s=spec.time_limit_ms / 1000 * limit_factor,
            memory_mb=spec.memory_limit_mb,
            output_bytes=OUTPUT_LIMIT_BYTES,
            max_result_bytes=RESULT_LIMIT_BYTES,
            check_mutation=check_mutation,
        )

    def _both(
        self, tests: list[PlannedTest], reference: bool = True
    ) -> tuple[
        tuple[dict[str, Any] | None, dict[int, Attempt]],
        tuple[dict[str, Any] | None, dict[int, Attempt]] | None,
    ]:
        """Run the learner's code and (concurrently) the reference on ``tests``."""
        mine_job = self._job(self.source, tests, self.spec.check_mutation)
        ref_box: list[Any] = []
        ref_error: list[BaseException] = []
        thread = None
        if reference:
            # the reference gets some slack: a busy machine must not turn into a false
            # internal error (the learner's limit stays exact)
            ref_job = self._job(self.question.read("solution.py"), tests, False, 1.5)
            ref_job.banned = []

            def run_reference() -> None:
                try:
                    ref_box.append(self.runner.run_all(ref_job))
                except BaseException as exc:  # re-raised below in the calling thread
                    ref_error.append(exc)

            thread = threading.Thread(target=run_reference, name="mlprep-reference")
            thread.start()
        try:
            mine = self.runner.run_all(mine_job)
        finally:
            if thread is not None:
                thread.join()
        if ref_error:
            raise ref_error[0]
        return mine, (ref_box[0] if ref_box else None)

    def _execute(self, suite: Any, tests: list[PlannedTest]) -> JudgeResult:
        spec = self.spec
        self.runner.zygote()
        if _needs_pandas(self.question, tests):
            self.runner.zygote().preload(["pandas"])
        (setup, mine), ref = self._both(tests)
        assert ref is not None
        ref_setup, ref_runs = ref
        if ref_setup is None or not ref_setup.get("ok"):
            why = _setup_words(ref_setup)
            return self.result("internal_error", f"the reference solution does not load ({why})")
        setup_output = (setup or {}).get("stdout", "") if setup else ""
        if setup is None or not setup.get("ok"):
            return self._setup_failure(setup, setup_output)
        results: list[TestResult] = []
        not_run = 0
        for test in tests:
            attempt = mine.get(test.index, Attempt("not_run"))
            if attempt.status == "not_run":
                not_run += 1
                continue
            results.append(self._judge_test(suite, test, attempt, ref_runs.get(test.index)))
        verdict, message = self._overall(results, not_run)
        complexity = None
        if self.mode == "submit" and self.measure and spec.growth_sizes and verdict == "accepted":
            complexity = self._growth(suite)
        timing, memory = self._measurements(results, mine, ref_runs, tests)
        return self.result(
            verdict,
            message,
            tests=results,
            not_run=not_run,
            timing=timing,
            memory=memory,
            complexity=complexity,
            setup_output=setup_output,
        )

    def _setup_failure(self, setup: dict[str, Any] | None, output: str) -> JudgeResult:
        setup = setup or {}
        ended = setup.get("ended")
        if isinstance(ended, Attempt):
            verdict, text = _failure(ended, self.spec.time_limit_ms, self.spec.memory_limit_mb)
            return self.result(
                verdict, f"Your code failed while loading: {text}.", setup_output=output
            )
        error = setup.get("error") if isinstance(setup.get("error"), dict) else None
        attempt = Attempt("error", error=error)
        verdict, text = _failure(attempt, self.spec.time_limit_ms, self.spec.memory_limit_mb)
        if (
            error
            and error.get("type") == "NameError"
            and "does not define" in error.get("message", "")
        ):
            params = ", ".join(self.spec.parameters)
            text = (
                f"your code does not define {self.spec.entry_point}({params}); "
                "keep the name and parameters of the starter code"
            )
        return self.result(
            verdict,
            f"Your code failed while loading: {text}.",
            error=_error_info(error),
            setup_output=output,
        )

    def _judge_test(
        self, suite: Any, test: PlannedTest, attempt: Attempt, ref: Attempt | None
    ) -> TestResult:
        from ._compare import short_repr

        spec = self.spec
        hidden = test.kind == "hidden"
        shown_input = None if hidden else short_repr(test.args, 600)
        common: dict[str, Any] = {
            "name": test.name,
            "kind": test.kind,
            "note": test.note,
            "size": test.size,
            "time_ms": None if attempt.time_ms is None else round(attempt.time_ms, 3),
            "reference_time_ms": (
                round(ref.time_ms, 3)
                if ref is not None and ref.time_ms is not None and ref.status == "ok"
                else None
            ),
            "memory_kb": attempt.peak_kb,
            "input": shown_input,
            "output": attempt.stdout,
            "output_truncated": attempt.stdout_bytes > len(attempt.stdout.encode("utf-8")),
        }
        # the expected value: from the case, else from the reference
        if test.has_expected:
            expected = test.expected
        elif ref is not None and ref.status == "ok":
            expected = ref.value
        else:
            why = (
                "no result"
                if ref is None
                else _failure(ref, spec.time_limit_ms, spec.memory_limit_mb)[1]
            )
            if self.custom_args is not None:
                text = (
                    f"the reference solution fails on this input too ({why}); it is "
                    "probably outside the input rules of the prompt"
                )
            else:
                text = f"the reference solution failed on this test: {why}"
            return TestResult(verdict="internal_error", message=text, **common)
        shown_expected = None if hidden else short_repr(expected, 600)
        if attempt.status != "ok":
            verdict, message = _failure(attempt, spec.time_limit_ms, spec.memory_limit_mb)
            return TestResult(
                verdict=verdict,  # type: ignore[arg-type]
                message=message,
                error=_error_info(attempt.error),
                expected=shown_expected,
                **common,
            )
        got = attempt.value
        shown_got = None if hidden else short_repr(got, 600)
        if attempt.mutated and spec.check_mutation:
            names = ", ".join(attempt.mutated)
            return TestResult(
                verdict="wrong_answer",
                message=f"modified its input ({names}); the function must leave "
                "its arguments as they were (copy them first)",
                expected=shown_expected,
                got=shown_got,
                **common,
            )
        problem, hidden_message = _check(suite, spec, test, expected, got)
        if problem is None:
            return TestResult(
                verdict="accepted",
                message="passed",
                expected=shown_expected,
                got=shown_got,
                **common,
            )
        text = f"wrong answer on a hidden test ({hidden_message})" if hidden else problem
        return TestResult(
            verdict="wrong_answer", message=text, expected=shown_expected, got=shown_got, **common
        )

    def _overall(self, results: list[TestResult], not_run: int) -> tuple[str, str]:
        internal = [t for t in results if t.verdict == "internal_error"]
        if internal:
            t = internal[0]
            if self.custom_args is not None:
                return "internal_error", f"Your input could not be checked: {t.message}."
            return "internal_error", (
                f"The judge failed on '{t.name}': {t.message} (not your fault)."
            )
        failed = [t for t in results if t.verdict != "accepted"]
        if not failed:
            kinds = {k: sum(1 for t in results if t.kind == k) for k in _FAIL_ORDER}
            parts = ", ".join(f"{n} {k}" for k, n in kinds.items() if n)
            return "accepted", f"All {len(results)} tests passed ({parts})."
        first = failed[0]
        extra = f" {len(failed) - 1} more test(s) failed." if len(failed) > 1 else ""
        if not_run:
            extra += f" {not_run} test(s) were not run after repeated time-outs."
        return first.verdict, f"Test '{first.name}' ({first.kind}): {first.message}.{extra}"

    def _measurements(
        self,
        results: list[TestResult],
        mine: dict[int, Attempt],
        ref: dict[int, Attempt],
        tests: list[PlannedTest],
    ) -> tuple[Timing, Memory]:
        spec = self.spec
        total = sum(a.time_ms for a in mine.values() if a.time_ms is not None)
        paired = [
            (mine[t.index].time_ms, ref[t.index].time_ms)
            for t in tests
            if t.index in mine
            and t.index in ref
            and mine[t.index].status == "ok"
            and ref[t.index].status == "ok"
        ]
        ref_total = sum(r for _, r in paired if r is not None) if paired else None
        mine_paired = sum(m for m, _ in paired if m is not None)
        ratio = round(mine_paired / ref_total, 3) if ref_total and ref_total > 0 else None
        peaks = [a.peak_kb for a in mine.values() if a.peak_kb is not None]
        ref_peaks = [a.peak_kb for a in ref.values() if a.peak_kb is not None]
        timing = Timing(
            total_ms=round(total, 3),
            reference_total_ms=None if ref_total is None else round(ref_total, 3),
            ratio=ratio,
            time_limit_ms=spec.time_limit_ms,
            wall_ms=round((time.perf_counter() - self.t0) * 1000, 1),
        )
        memory = Memory(
            peak_kb=max(peaks) if peaks else None,
            reference_peak_kb=max(ref_peaks) if ref_peaks else None,
            limit_mb=spec.memory_limit_mb,
        )
        return timing, memory

    def _growth(self, suite: Any) -> Complexity | None:
        import numpy as np

        spec = self.spec
        sizes = list(spec.growth_sizes)
        rng = np.random.default_rng([self.seed or 0, 1])
        tests = [
            PlannedTest(j, f"growth n={n}", "random", tuple(suite.generate(rng, n)), size=n)
            for j, n in enumerate(sizes)
        ]
        # the first call in a fresh process pays for lazy imports and caches: a throwaway
        # call on the smallest input goes first in every job
        warmup = PlannedTest(len(sizes), "growth warm-up", "random", tests[0].args, size=sizes[0])

        def cpu(attempt: Attempt | None) -> float | None:
            if attempt is None or attempt.status != "ok":
                return None
            return attempt.cpu_ms if attempt.cpu_ms is not None else attempt.time_ms

        try:
            (_, mine), ref = self._both([warmup, *tests])
            ref_runs = ref[1] if ref else {}
            # short runs are noisy: measure them once more and keep the smaller CPU time
            again = [
                t
                for t in tests
                if any(
                    (cpu(runs.get(t.index)) or math.inf) < _REPEAT_BELOW_MS
                    for runs in (mine, ref_runs)
                )
            ]
            if again:
                (_, mine2), ref2 = self._both([warmup, *again])
                for first, second in ((mine, mine2), (ref_runs, ref2[1] if ref2 else {})):
                    for i, attempt in second.items():
                        now, before = cpu(attempt), cpu(first.get(i))
                        if now is not None and (before is None or now < before):
                            first[i] = attempt
        except SandboxUnavailable:
            return None

        def series(runs: dict[int, Attempt]) -> list[float | None]:
            out: list[float | None] = []
            for j in range(len(sizes)):
                value = cpu(runs.get(j))
                out.append(None if value is None else round(value, 3))
            return out

        yours, theirs = series(mine), series(ref_runs)
        (e_yours, r2_yours), (e_ref, r2_ref) = (
            _fit_exponent(sizes, yours),
            _fit_exponent(sizes, theirs),
        )
        summary = (
            f"Yours {_growth_words(e_yours, r2_yours)}; the reference "
            f"{_growth_words(e_ref, r2_ref)} (estimated from CPU time at sizes "
            f"{', '.join(map(str, sizes))})."
        )
        return Complexity(
            sizes=sizes,
            yours=GrowthSeries(exponent=e_yours, times_ms=yours, fit_r2=r2_yours),
            reference=GrowthSeries(exponent=e_ref, times_ms=theirs, fit_r2=r2_ref),
            required=spec.complexity,
            summary=summary,
        )


_SUITES: dict[tuple[str, int, int], Any] = {}
_SUITES_LOCK = threading.Lock()


def _suite(question: Any, load: Any) -> Any:
    """tests.py, imported once per version of the file (warm judges judge many times)."""
    path = question.file("tests.py")
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return load(question)
    with _SUITES_LOCK:
        if key in _SUITES:
            return _SUITES[key]
    suite = load(question)
    with _SUITES_LOCK:
        if len(_SUITES) > 256:
            _SUITES.clear()
        _SUITES[key] = suite
    return suite


def _setup_words(setup: dict[str, Any] | None) -> str:
    if not setup:
        return "no report"
    ended = setup.get("ended")
    if isinstance(ended, Attempt):
        return ended.status
    error = setup.get("error") or {}
    return f"{error.get('type', '?')}: {error.get('message', '')}"


def _needs_pandas(question: Any, tests: list[PlannedTest]) -> bool:
    if "pandas" in question.read("solution.py"):
        return True
    support = question.file("support.py")
    if support.exists() and "pandas" in support.read_text(encoding="utf-8"):
        return True
    return any(type(a).__module__.startswith("pandas") for t in tests[:3] for a in t.args)


# ----------------------------------------------------------------------------- public


def _check_coding(question: Any) -> None:
    from mlprep.errors import UsageError

    if question.meta.coding is None:
        raise UsageError(f"'{question.id}' is not a coding question; the judge runs code only")


def judge(
    question: Any,
    source: str,
    *,
    seed: int | None = None,
    mode: Mode = "submit",
    custom_args: tuple[Any, ...] | None = None,
    measure: bool = True,
) -> JudgeResult:
    """Judge ``source`` against a coding question in a fresh sandbox (the cold path).

    ``mode="run"`` runs the visible tests only, or the single ``custom_args`` input
    (its expected value comes from the reference); ``"submit"`` adds the hidden and
    randomized tests and, when the question sets ``growth_sizes``, measures growth.
    """
    _check_coding(question)
    if mode not in ("submit", "run"):
        raise ValueError(f"mode must be 'submit' or 'run', not {mode!r}")
    runner = _Runner(adopt_prestarted())
    runner.begin()  # the sandbox starts (and imports NumPy) while we build the tests
    try:
        return _Judgement(runner, question, source, seed, mode, custom_args, measure).run()
    finally:
        runner.close()


class WarmJudge:
    """A pre-started sandbox for the web app and notebooks (the warm path).

    ``judge`` is thread-safe: concurrent calls fork their own children from one
    zygote that has already imported NumPy. Use as a context manager or call
    ``close()``.
    """

    def __init__(self) -> None:
        self._runner = _Runner()
        self._started = False

    def start(self) -> WarmJudge:
        self._runner.begin()
        self._runner.zygote()
        self._started = True
        return self

    def judge(
        self,
        question: Any,
        source: str,
        *,
        seed: int | None = None,
        mode: Mode = "submit",
        custom_args: tuple[Any, ...] | None = None,
        measure: bool = True,
    ) -> JudgeResult:
        _check_coding(question)
        if not self._started:
            self.start()
        return _Judgement(self._runner, question, source, seed, mode, custom_args, measure).run()

    def growth(self, question: Any, source: str, *, seed: int | None = None) -> Complexity | None:
        """Only the growth measurement of an accepted submission.

        Lets an interface show the verdict of ``judge(..., measure=False)`` at once and
        the growth exponents a moment later.
        """
        _check_coding(question)
        if not question.meta.coding.growth_sizes:
            return None
        if not self._started:
            self.start()
        from mlprep.content import load_tests

        judgement = _Judgement(self._runner, question, source, seed, "submit", None, True)
        return judgement._growth(load_tests(question))

    @property
    def isolation(self) -> str:
        return self._runner.mode

    def close(self) -> None:
        self._runner.close()
        self._started = False

    def __enter__(self) -> WarmJudge:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
