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
