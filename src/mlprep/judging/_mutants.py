"""Judging many variants of one question's reference: mutation testing.

``MutantJudge(warm, question, seed)`` plans a submission's tests once (visible,
hidden and the seeded random tests, exactly as ``judge(..., mode="submit")`` does),
runs the reference on them once, and then judges each source against those results
in the same sandbox, stopping at the first test that fails: a killed mutant costs
one child and usually one test. The verdict of each test is the judge's own
(``judge_test``); only the order of work differs from a submission, so a mutant
this judge accepts is accepted by ``judge`` with the same seed (the CLI re-judges
every survivor that way to be sure).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ._execute import Attempt
from ._plan import execution_order, load_suite
from ._results import verdict_label
from ._verdict import judge_test, setup_failure, setup_words

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from ._judge import WarmJudge

__all__ = [
    "MUTANT_TIME_FACTOR",
    "MutantJudge",
    "MutantOutcome",
    "MutantVerdict",
    "MutationReport",
    "mutation_report",
]

# A mutant's calls may take this many times the reference's slowest call (at least
# MUTANT_MIN_LIMIT_S, at most the question's limit): a mutated loop that never ends
# is stopped in a fraction of a second instead of the question's full limit. A
# mutant that is merely this much slower than the reference is counted as killed
# (by "time limit"), which the report says.
MUTANT_TIME_FACTOR = 10.0
MUTANT_MIN_LIMIT_S = 0.5


@dataclass(frozen=True)
class MutantVerdict:
    """How one variant fared: killed (by which test, with which verdict) or not."""

    killed: bool
    test: str = ""  # the first failing test's name ("" when it did not load or survived)
    verdict: str = "accepted"
    message: str = ""
    tests_run: int = 0


class MutantJudge:
    """The reference's results on a submission's tests, kept for judging many variants."""

    def __init__(
        self, warm: WarmJudge, question: Any, seed: int, *, time_factor: float | None = None
    ) -> None:
        """``time_factor`` fixes the share of the question's time limit each call gets
        (``content verify`` uses 1.0: a wrong solution must fail at the learner's limit);
        None applies the mutant rule (MUTANT_TIME_FACTOR x the reference's slowest call).
        """
        from mlprep.content import load_tests

        from ._judge import _check_coding, _Judgement

        _check_coding(question)
        if not warm._started:
            warm.start()
        self.question = question
        self.seed = seed
        self._runner = warm._runner
        reference = question.read("solution.py")
        self._judgement = _Judgement(
            self._runner, question, reference, seed, "submit", None, measure=False
        )
        self.spec = question.meta.coding
        self.suite = load_suite(question, load_tests)
        self.tests = execution_order(self._judgement._plan(self.suite))
        self._by_index = {t.index: t for t in self.tests}
        self._runner.zygote()
        ref_job = self._judgement._job(reference, self.tests, False, 1.5)
        ref_job.banned = []
        setup, self._reference = self._runner.run_all(ref_job)
        if setup is None or not setup.get("ok"):
            raise RuntimeError(f"the reference solution does not load ({setup_words(setup)})")
        broken = [
            t.name
            for t in self.tests
            if not t.has_expected and self._reference.get(t.index, Attempt("lost")).status != "ok"
        ]
        if broken:
            raise RuntimeError(f"the reference solution fails on: {', '.join(broken[:5])}")
        slowest = max(
            (max(a.time_ms or 0.0, a.cpu_ms or 0.0) for a in self._reference.values()),
            default=0.0,
        )
        limit_s = self.spec.time_limit_ms / 1000
        self.limit_factor = (
            min(1.0, max(MUTANT_MIN_LIMIT_S, MUTANT_TIME_FACTOR * slowest / 1000) / limit_s)
            if time_factor is None
            else time_factor
        )

    def judge(self, source: str) -> MutantVerdict:
        """Judge ``source`` on the planned tests, stopping at its first failing test."""
        job = self._judgement._job(source, self.tests, self.spec.check_mutation, self.limit_factor)
        first: list[tuple[str, str, str]] = []
        run = 0

        def stop(index: int, attempt: Attempt) -> bool:
            nonlocal run
            run += 1
            test = self._by_index[index]
            result = judge_test(
                self.suite, self.spec, test, attempt, self._reference.get(index), False
            )
            if result.verdict == "accepted":
                return False
            first.append((test.name, result.verdict, result.message))
            return True

        setup, _ = self._runner.run_all(job, stop)
        if setup is None or not setup.get("ok"):
            verdict, message, _error = setup_failure(setup, self.spec)
            return MutantVerdict(True, "", verdict, message, 0)
        if first:
            name, verdict, message = first[0]
            return MutantVerdict(True, name, verdict, message, run)
        return MutantVerdict(False, "", "accepted", "", run)


def describe(verdict: MutantVerdict) -> str:
    """One line: which test killed a mutant, and how."""
    if not verdict.killed:
        return "survived every test"
    where = f"by '{verdict.test}'" if verdict.test else "before any test"
    return f"killed {where}: {verdict_label(verdict.verdict)}"


class MutantOutcome(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mutant: str  # its key
    diff: str
    status: Literal["killed", "equivalent", "survived"]
    test: str = ""  # the test that killed it
    verdict: str = ""  # and that test's verdict


class MutationReport(BaseModel):
    """What ``mlprep content mutate`` found for one coding question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    seed: int
    mutants: int
    killed: int
    equivalent: int
    survived: int
    kill_rate: float | None  # killed / (mutants - equivalent)
    outcomes: list[MutantOutcome]
    problems: list[str] = Field(default_factory=list)  # stale or killed equivalents
    seconds: float

    @property
    def ok(self) -> bool:
        return self.survived == 0 and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        mark = Text("ok  ", style="green") if self.ok else Text("FAIL", style="bold red")
        rate = "-" if self.kill_rate is None else f"{self.kill_rate:.1%}"
        yield Text.assemble(
            mark,
            " ",
            self.question,
            (
                f"  {self.mutants} mutants: {self.killed} killed, {self.equivalent} "
                f"equivalent, {self.survived} survived; kill rate {rate} ({self.seconds:.0f} s)",
                "dim",
            ),
        )
        for outcome in self.outcomes:
            if outcome.status == "survived":
                yield Text(f"      survived {outcome.mutant}: {outcome.diff}", style="red")
        for problem in self.problems:
            yield Text(f"      {problem}", style="red")


def mutation_report(
    question: Any, warm: WarmJudge, *, seed: int, workers: int = 2
) -> MutationReport:
    """Generate the mutants of ``question``'s reference and judge each one.

    A mutant that no test kills is judged once more by the full ``judge`` (same
    seed) to confirm it is accepted, then counted as equivalent when mutants.toml
    lists it with a reason, else as a survivor: a gap in the tests.
    """
    from concurrent.futures import ThreadPoolExecutor

    from mlprep.content._mutants_file import load_mutants_file
    from mlprep.content._mutate import mutants

    start = time.perf_counter()
    problems: list[str] = []
    errors: list[Any] = []
    record = load_mutants_file(question, errors)
    problems += [str(e) for e in errors]
    listed = {e.mutant: e for e in (record.equivalent if record else [])}
    variants = mutants(question.read("solution.py"))
    judge = MutantJudge(warm, question, seed)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        verdicts = list(pool.map(lambda m: judge.judge(m.source), variants))
    outcomes: list[MutantOutcome] = []
    for mutant, verdict in zip(variants, verdicts, strict=True):
        if not verdict.killed:
            full = warm.judge(question, mutant.source, seed=seed, measure=False)
            if not full.accepted:  # cannot happen unless the two paths disagree
                problems.append(
                    f"{mutant.key}: the full judge rejects what the mutant judge accepted "
                    f"({full.verdict})"
                )
        status: Literal["killed", "equivalent", "survived"]
        if verdict.killed:
            status = "killed"
            if mutant.key in listed:
                problems.append(
                    f"{mutant.key} is listed as equivalent but the tests kill it "
                    f"('{verdict.test}'): remove it from mutants.toml"
                )
        else:
            status = "equivalent" if mutant.key in listed else "survived"
        outcomes.append(
            MutantOutcome(
                mutant=mutant.key,
                diff=mutant.diff,
                status=status,
                test=verdict.test,
                verdict=verdict.verdict if verdict.killed else "",
            )
        )
    keys = {m.key for m in variants}
    for key in listed:
        if key not in keys:
            problems.append(f"mutants.toml lists '{key}', which solution.py no longer has")
    counts = {s: sum(o.status == s for o in outcomes) for s in ("killed", "equivalent")}
    survived = len(outcomes) - counts["killed"] - counts["equivalent"]
    live = len(outcomes) - counts["equivalent"]
    return MutationReport(
        question=question.id,
        seed=seed,
        mutants=len(outcomes),
        killed=counts["killed"],
        equivalent=counts["equivalent"],
        survived=survived,
        kill_rate=round(counts["killed"] / live, 4) if live else None,
        outcomes=outcomes,
        problems=problems,
        seconds=round(time.perf_counter() - start, 2),
    )
