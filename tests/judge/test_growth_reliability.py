"""The growth exponent is shown only when its fit is reliable (issue 15)."""

from __future__ import annotations

from mlprep.judging import growth_reliable
from mlprep.judging._growth import fit_exponent, growth_words

SIZES = [500, 1000, 2000, 4000]
# CPU times (ms) of k-means' reference on two runs, read n^1.7 and n^1.7 with R² 0.7:
# the time at n=1000 is below the one at n=500 (the generator varies k and m).
NOISY = [[0.716, 0.299, 2.55, 17.946], [1.101, 0.359, 2.939, 27.515]]
CLEAN = [1.0, 2.1, 4.0, 8.3]  # about n^1


def test_noisy_times_show_no_exponent() -> None:
    for times in NOISY:
        exponent, r2 = fit_exponent(SIZES, times)
        assert exponent is not None
        assert not growth_reliable(times, r2)
        words = growth_words(exponent, r2, growth_reliable(times, r2))
        assert "n^" not in words and "reliably" in words


def test_clean_times_show_their_exponent() -> None:
    exponent, r2 = fit_exponent(SIZES, CLEAN)
    assert growth_reliable(CLEAN, r2)
    assert exponent is not None and 0.9 < exponent < 1.1
    assert "n^1.0" in growth_words(exponent, r2, True)


def test_too_few_measurable_sizes_are_not_reliable() -> None:
    times: list[float | None] = [0.01, 0.05, 1.0, 2.0]  # two under the timer's floor
    _, r2 = fit_exponent(SIZES, times)
    assert not growth_reliable(times, r2)
    assert not growth_reliable([None, None, None, None], None)


class _Spec:
    growth_sizes = SIZES
    complexity = None


class _Suite:
    @staticmethod
    def generate(rng: object, n: int) -> tuple[int]:
        return (n,)


def _run_like_the_sandbox(first: dict[int, float], again: dict[int, float], ran: list[str]):
    """A RunBoth that runs each side's job in order and honours its Stop, as run_all does."""
    from mlprep.judging._execute import Attempt

    def both(tests, stops):
        def side():
            stop = stops() if stops else None
            out: dict[int, Attempt] = {}
            for t in tests:
                n = t.args[0]
                cpu = again[n] if t.name.endswith("again") else first.get(n, 1.0)
                out[t.index] = Attempt("ok", cpu_ms=cpu)
                ran.append(t.name)
                if stop is not None and stop(t.index, out[t.index]):
                    break
            return None, out

        return side(), side()

    return both


def test_growth_repeats_only_short_runs_in_the_same_job_and_keeps_the_smaller() -> None:
    from mlprep.judging._growth import measure_growth

    first = {500: 5.0, 1000: 12.0, 2000: 40.0, 4000: 160.0}  # the last two are long
    again = {500: 4.0, 1000: 13.0, 2000: 1.0, 4000: 1.0}
    ran: list[str] = []
    result = measure_growth(_Spec, _Suite, 1, _run_like_the_sandbox(first, again, ran))
    assert result is not None
    assert result.yours.times_ms == [4.0, 12.0, 40.0, 160.0]
    mine = ran[: len(ran) // 2]
    assert mine == [
        "growth warm-up",
        *(f"growth n={n}" for n in SIZES),
        "growth n=500 again",
        "growth n=1000 again",
    ]


def test_growth_of_a_slow_solution_runs_each_size_once() -> None:
    from mlprep.judging._growth import measure_growth

    first = {500: 30.0, 1000: 120.0, 2000: 480.0, 4000: 1900.0}
    ran: list[str] = []
    measure_growth(_Spec, _Suite, 1, _run_like_the_sandbox(first, {}, ran))
    assert not any(name.endswith("again") for name in ran)
