"""The judge's entry points: ``judge`` (cold) and ``WarmJudge`` (warm), and one judgement.

A judgement plans the tests (_plan), runs both solutions in the sandbox (_execute),
decides each test's verdict (_verdict), measures growth (_growth) and assembles the
results document (_results). Expected values, the reference solution and the
checker never leave this process.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Literal

from . import _wire
from ._cgroup import cgroup_kind
from ._execute import Attempt, Runner
from ._growth import Stop, measure_growth
from ._plan import (
    PlannedTest,
    banned_imports,
    execution_order,
    load_suite,
    needs_pandas,
    planned_cases,
    random_tests,
)
from ._protocol import Job
from ._results import (
    Complexity,
    Counts,
    ErrorInfo,
    JudgeResult,
    Memory,
    TestResult,
    Timing,
    TraceFrame,
)
from ._sandbox import SandboxUnavailable, adopt_prestarted
from ._verdict import (
    OUTPUT_LIMIT_BYTES,
    RESULT_LIMIT_BYTES,
    judge_test,
    overall,
    setup_failure,
    setup_words,
)

__all__ = ["WarmJudge", "judge"]

Mode = Literal["submit", "run"]
Runs = tuple[dict[str, Any] | None, dict[int, Attempt]]


class _Judgement:
    """One call of ``judge``: plans, runs and assembles a JudgeResult."""

    def __init__(
        self,
        runner: Runner,
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
        self.source = source.removeprefix("\ufeff")  # a byte-order mark is not code
        self.seed = seed
        self.mode = mode
        self.custom_args = custom_args
        self.measure = measure
        self.t0 = time.perf_counter()
        self.suite: Any = None  # the question's tests, once loaded (growth reuses them)
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
        groups = "+cgroup-v1" if cgroup_kind() else ""
        if mode == "bwrap":
            return f"bubblewrap+seccomp+rlimits{groups}"
        if mode == "rlimits":
            return f"rlimits+seccomp{groups} (weaker: no namespaces)"
        return "not started"

    def run(self) -> JudgeResult:
        from mlprep.content import ContentErrors, load_tests

        spec = self.spec
        try:
            compile(self.source, "solution.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            return self._syntax_error(exc)
        banned = banned_imports(self.source, list(spec.banned_imports))
        if banned:
            return self.result(
                "forbidden",
                f"This question asks for a solution without "
                f"{', '.join(spec.banned_imports)} ({banned}).",
                isolation="not run",
            )
        try:
            suite = load_suite(self.question, load_tests)
        except ContentErrors as exc:
            return self.result(
                "internal_error", f"the question's tests do not load: {exc}", isolation="not run"
            )
        self.suite = suite
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

    def _syntax_error(self, exc: SyntaxError | ValueError) -> JudgeResult:
        line = getattr(exc, "lineno", None)
        text = (getattr(exc, "text", None) or "").rstrip()
        where = f"line {line}: " if line else ""
        detail = f"{where}{getattr(exc, 'msg', str(exc))}"
        frames = [TraceFrame(line=line or 0, function="<module>", code=text.strip()[:200])]
        error = ErrorInfo(type=type(exc).__name__, message=detail, traceback=frames if line else [])
        return self.result(
            "syntax_error", f"Your code does not parse: {detail}", error=error, isolation="not run"
        )

    def _plan(self, suite: Any) -> list[PlannedTest]:
        if self.mode == "run":
            if self.custom_args is not None:
                return [
                    PlannedTest(
                        0, "your input", "visible", tuple(self.custom_args), "the input you gave"
                    )
                ]
            return planned_cases(suite, ("visible",))
        cases = planned_cases(suite, ("visible",)) + planned_cases(suite, ("hidden",))
        for i, t in enumerate(cases):
            t.index = i
        return cases + random_tests(suite, self.spec, self.seed or 0, len(cases))

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
        self, tests: list[PlannedTest], stops: Callable[[], Stop] | None = None
    ) -> tuple[Runs, Runs | None]:
        """Run the learner's code and (concurrently) the reference on ``tests``.

        ``stops`` makes a fresh early-stop rule for each side's job (see Runner.run_all).
        """
        tests = execution_order(tests)
        mine_job = self._job(self.source, tests, self.spec.check_mutation)
        # the reference gets some slack: a busy machine must not turn into a false
        # internal error (the learner's limit stays exact)
        ref_job = self._job(self.question.read("solution.py"), tests, False, 1.5)
        ref_job.banned = []
        ref_box: list[Any] = []
        ref_error: list[BaseException] = []

        def run_reference() -> None:
            try:
                ref_box.append(self.runner.run_all(ref_job, stops() if stops else None))
            except BaseException as exc:  # re-raised below in the calling thread
                ref_error.append(exc)

        thread = threading.Thread(target=run_reference, name="mlprep-reference")
        thread.start()
        try:
            mine = self.runner.run_all(mine_job, stops() if stops else None)
        finally:
            thread.join()
        if ref_error:
            raise ref_error[0]
        return mine, (ref_box[0] if ref_box else None)

    def _execute(self, suite: Any, tests: list[PlannedTest]) -> JudgeResult:
        spec = self.spec
        self.runner.zygote()
        if needs_pandas(self.question, tests):
            self.runner.zygote().preload(["pandas"])
        (setup, mine), ref = self._both(tests)
        assert ref is not None
        ref_setup, ref_runs = ref
        if ref_setup is None or not ref_setup.get("ok"):
            why = setup_words(ref_setup)
            return self.result("internal_error", f"the reference solution does not load ({why})")
        setup_output = (setup or {}).get("stdout", "") if setup else ""
        if setup is None or not setup.get("ok"):
            verdict, message, error = setup_failure(setup, spec)
            return self.result(verdict, message, error=error, setup_output=setup_output)
        results: list[TestResult] = []
        not_run = 0
        custom = self.custom_args is not None
        for test in tests:
            attempt = mine.get(test.index, Attempt("not_run"))
            if attempt.status == "not_run":
                not_run += 1
                continue
            ref_attempt = ref_runs.get(test.index)
            results.append(judge_test(suite, spec, test, attempt, ref_attempt, custom))
        verdict, message = overall(results, not_run, custom)
        complexity = None
        if self.mode == "submit" and self.measure and spec.growth_sizes and verdict == "accepted":
            complexity = self.growth(suite)
        timing, memory = self._measurements(mine, ref_runs, tests)
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

    def growth(self, suite: Any) -> Complexity | None:
        return measure_growth(self.spec, suite, self.seed or 0, self._both)

    def _measurements(
        self, mine: dict[int, Attempt], ref: dict[int, Attempt], tests: list[PlannedTest]
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
    runner = Runner(adopt_prestarted())
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

    def __init__(self, *, prestarted: bool = False) -> None:
        """``prestarted=True``: use the sandbox ``prestart()`` booted, if any, without
        waiting for it here (like ``judge``, the first judgement builds its tests while
        it starts): the CLI judges and then measures growth on one sandbox."""
        self._runner = Runner(adopt_prestarted() if prestarted else None)
        self._started = False
        if prestarted:
            self._runner.begin()
            self._started = True

    def start(self) -> WarmJudge:
        """Boot the sandbox now. If it cannot start, each ``judge`` says so in its verdict
        (after trying again): judging never continues without it."""
        self._runner.begin()
        with contextlib.suppress(SandboxUnavailable):
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
        return judgement.growth(load_suite(question, load_tests))

    def judge_then_measure(
        self, question: Any, source: str, *, seed: int | None = None
    ) -> tuple[JudgeResult, Future[Complexity | None] | None]:
        """A submission's verdict as soon as it is known, its growth already under way.

        Returns the judgement without growth and, when it is accepted and the question
        measures growth, a future of that measurement: it starts at once, in a thread,
        from the judgement's own seed and suite (nothing is planned or loaded again),
        while the caller shows the verdict. ``judge(..., measure=False)`` followed by
        ``growth`` gives the same two results one after the other.
        """
        _check_coding(question)
        if not self._started:
            self.start()
        judgement = _Judgement(self._runner, question, source, seed, "submit", None, False)
        result = judgement.run()
        suite = judgement.suite
        if not (result.accepted and suite is not None and judgement.spec.growth_sizes):
            return result, None
        measured: Future[Complexity | None] = Future()

        def measure() -> None:
            if not measured.set_running_or_notify_cancel():
                return
            try:
                measured.set_result(judgement.growth(suite))
            except BaseException as exc:  # handed to whoever waits for the future
                measured.set_exception(exc)

        threading.Thread(target=measure, name="mlprep-growth", daemon=True).start()
        return result, measured

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
