"""Growth: how a solution's CPU time grows with the input size (reported, never judged).

The generator produces one input per ``growth_sizes`` entry; both solutions run on
them, each job starting with a throwaway call on the smallest input (the first call
in a process pays for lazy imports). A least-squares line through log(time) against
log(n) gives each exponent and its R². The exponent is named in the summary only
when the fit is reliable (``growth_reliable``); otherwise the summary says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from ._execute import Attempt
from ._plan import PlannedTest
from ._results import Complexity, GrowthSeries
from ._sandbox import SandboxUnavailable

__all__ = ["fit_exponent", "growth_reliable", "growth_words", "measure_growth"]

_REPEAT_BELOW_MS = 20.0  # growth runs shorter than this are measured again
_MEASURABLE_MS = 0.2  # shorter CPU times say more about the timer than the code
# A fit is shown only from this many measurable sizes, with times rising with n and
# this R²: k-means' reference read n^0.7, n^1.4 and n^1.8 on three runs when every fit
# was shown (its times at small n went down as often as up).
_RELIABLE_POINTS = 3
_RELIABLE_R2 = 0.95

Runs = tuple[Any, dict[int, Attempt]]
# asked after each test of one side's job; True ends that job (the rest are not run)
Stop = Callable[[int, Attempt], bool]
# runs tests for the learner and the reference: ((setup, attempts), (setup, attempts) | None);
# the optional factory makes a fresh Stop for each side
RunBoth = Callable[[list[PlannedTest], Callable[[], Stop] | None], tuple[Runs, Runs | None]]


def fit_exponent(sizes: list[int], times: list[float | None]) -> tuple[float | None, float | None]:
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


def growth_reliable(times: list[float | None], r2: float | None) -> bool:
    """Whether an exponent fitted to ``times`` (one per growth size) means anything.

    At least three measurable sizes, every time longer than the one at the smaller
    size before it, and R² >= 0.95: times that go down as n grows, or scatter around
    the line, give a different exponent on every run.
    """
    measured = [t for t in times if t is not None and t >= _MEASURABLE_MS]
    return (
        len(measured) >= _RELIABLE_POINTS
        and r2 is not None
        and r2 >= _RELIABLE_R2
        and all(later > earlier for earlier, later in itertools.pairwise(measured))
    )


def growth_words(exponent: float | None, r2: float | None, reliable: bool = True) -> str:
    if exponent is None:
        return "is too fast to measure at these sizes"
    if not reliable:
        return "could not be measured reliably at these sizes (no exponent shown)"
    if exponent < 0.3:
        words = "grows slower than n (nearly constant)"
    elif abs(exponent - 1) < 0.25:
        words = f"grows about like n (n^{exponent:.1f})"
    else:
        words = f"grows about like n^{exponent:.1f}"
    return words


def _cpu(attempt: Attempt | None) -> float | None:
    if attempt is None or attempt.status != "ok":
        return None
    return attempt.cpu_ms if attempt.cpu_ms is not None else attempt.time_ms


def _repeat_short(sizes: int) -> Stop:
    """A Stop for one job of [warm-up, sizes..., repeats of the sizes...].

    Each size's repeat runs only while that size's first run was short (under
    _REPEAT_BELOW_MS): once a size is long, the larger ones are taken as long too and
    the job ends, so a slow solution is not run twice. One job per side instead of a
    second round of jobs for the repeats.
    """
    first: dict[int, float] = {}

    def short(j: int) -> bool:
        return j < sizes and first.get(j, math.inf) < _REPEAT_BELOW_MS

    def stop(index: int, attempt: Attempt) -> bool:
        if index < sizes:
            cpu = _cpu(attempt)
            first[index] = math.inf if cpu is None else cpu
            return index == sizes - 1 and not short(0)
        if index == sizes:  # the warm-up
            return False
        return not short(index - sizes)  # repeat of size j at index sizes + 1 + j

    return stop


def measure_growth(spec: Any, suite: Any, seed: int, both: RunBoth) -> Complexity | None:
    import numpy as np

    sizes = list(spec.growth_sizes)
    count = len(sizes)
    rng = np.random.default_rng([seed, 1])
    tests = [
        PlannedTest(j, f"growth n={n}", "random", tuple(suite.generate(rng, n)), size=n)
        for j, n in enumerate(sizes)
    ]
    # the first call in a fresh process pays for lazy imports and caches: a throwaway
    # call on the smallest input goes first
    warmup = PlannedTest(count, "growth warm-up", "random", tests[0].args, size=sizes[0])
    # short runs are noisy: each is run once more (smallest CPU time kept), in the same job
    repeats = [
        PlannedTest(count + 1 + j, f"{t.name} again", "random", t.args, size=t.size)
        for j, t in enumerate(tests)
    ]
    try:
        (_, mine), ref = both([warmup, *tests, *repeats], lambda: _repeat_short(count))
    except SandboxUnavailable:
        return None
    ref_runs = ref[1] if ref else {}
    for runs in (mine, ref_runs):
        for j in range(count):
            now, before = _cpu(runs.get(count + 1 + j)), _cpu(runs.get(j))
            if now is not None and (before is None or now < before):
                runs[j] = runs[count + 1 + j]

    def series(runs: dict[int, Attempt]) -> list[float | None]:
        out: list[float | None] = []
        for j in range(len(sizes)):
            value = _cpu(runs.get(j))
            out.append(None if value is None else round(value, 3))
        return out

    yours, theirs = series(mine), series(ref_runs)
    e_yours, r2_yours = fit_exponent(sizes, yours)
    e_ref, r2_ref = fit_exponent(sizes, theirs)
    summary = (
        f"Yours {growth_words(e_yours, r2_yours, growth_reliable(yours, r2_yours))}; "
        f"the reference {growth_words(e_ref, r2_ref, growth_reliable(theirs, r2_ref))} "
        f"(estimated from CPU time at sizes {', '.join(map(str, sizes))})."
    )
    return Complexity(
        sizes=sizes,
        yours=GrowthSeries(exponent=e_yours, times_ms=yours, fit_r2=r2_yours),
        reference=GrowthSeries(exponent=e_ref, times_ms=theirs, fit_r2=r2_ref),
        required=spec.complexity,
        summary=summary,
    )
