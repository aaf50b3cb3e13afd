"""``verify_question``: the reference is accepted and every ``wrong/`` file is rejected."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ._results import verdict_label

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from ._judge import WarmJudge

__all__ = ["DEFAULT_VERIFY_SEED", "VerifyReport", "WrongCheck", "verify_question"]

DEFAULT_VERIFY_SEED = 20240917


class WrongCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    verdict: str
    rejected: bool
    message: str


class VerifyReport(BaseModel):
    """What ``mlprep content verify`` found for one coding question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    ok: bool
    seed: int
    reference_verdict: str
    reference_message: str
    reference_tests: int
    wrong: list[WrongCheck] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        mark = Text("ok  ", style="green") if self.ok else Text("FAIL", style="bold red")
        head = Text.assemble(
            mark,
            " ",
            self.question,
            (
                f"  ({self.reference_tests} tests, {len(self.wrong)} wrong "
                f"solutions, {self.seconds:.1f} s)",
                "dim",
            ),
        )
        yield head
        for problem in self.problems:
            yield Text(f"      {problem}", style="red")


def verify_question(
    question: Any, *, seed: int | None = DEFAULT_VERIFY_SEED, judge: WarmJudge | None = None
) -> VerifyReport:
    """Judge the reference solution and every wrong solution of ``question``.

    The reference goes through ``judge`` exactly as a learner's submission does. The
    wrong solutions are judged on the same tests against the reference's results,
    computed once, each stopping at its first failing test (``MutantJudge`` at the
    question's own time limit): the verdict of each test is the judge's own, only
    the work after the first failure is skipped. One that passes every test is
    judged again in full before it is reported as accepted.
    """
    from mlprep.content import wrong_solutions

    from ._judge import WarmJudge
    from ._mutants import MutantJudge

    start = time.perf_counter()
    own = judge is None
    warm = judge if judge is not None else WarmJudge().start()
    problems: list[str] = []
    try:
        reference = warm.judge(question, question.read("solution.py"), seed=seed, measure=False)
        if not reference.accepted:
            problems.append(
                f"reference solution: {verdict_label(reference.verdict)}: {reference.message}"
            )
        checks = []
        wrong = wrong_solutions(question)
        fast: MutantJudge | None = None
        if reference.accepted and wrong:
            try:
                fast = MutantJudge(warm, question, reference.seed or 0, time_factor=1.0)
            except RuntimeError as exc:  # the reference failed on its second run
                problems.append(f"reference solution: {exc}")
        for path in wrong:
            source = path.read_text(encoding="utf-8")
            verdict, message = "accepted", ""
            if fast is not None:
                first = fast.judge(source)
                verdict, message = first.verdict, first.message
            if verdict == "accepted":  # confirmed (or judged at all) by the full judge
                result = warm.judge(question, source, seed=reference.seed, measure=False)
                verdict, message = str(result.verdict), result.message
            rejected = verdict not in ("accepted", "internal_error")
            checks.append(
                WrongCheck(
                    file=f"wrong/{path.name}", verdict=verdict, rejected=rejected, message=message
                )
            )
            if verdict == "accepted":
                problems.append(f"wrong/{path.name} is ACCEPTED: the tests do not catch it")
            elif verdict == "internal_error":
                problems.append(f"wrong/{path.name}: internal error: {message}")
        if len(checks) < 3:
            problems.append(f"only {len(checks)} wrong solutions (at least 3 are required)")
    finally:
        if own:
            warm.close()
    return VerifyReport(
        question=question.id,
        ok=not problems,
        seed=reference.seed or 0,
        reference_verdict=reference.verdict,
        reference_message=reference.message,
        reference_tests=reference.counts.total,
        wrong=checks,
        problems=problems,
        seconds=round(time.perf_counter() - start, 2),
    )
