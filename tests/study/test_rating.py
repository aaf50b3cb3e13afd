"""The sitting outcome -> rating mapping documented in docs/practice.md."""

from __future__ import annotations

import pytest

from mlprep.study import Rating, SittingOutcome, rating_for


def coding(
    accepted: bool = True, failures: int = 0, hints: int = 0, seen: bool = False
) -> Rating | None:
    return rating_for(SittingOutcome("coding", accepted, failures, None, hints, 3, seen))


def written(score: float, hints: int = 0, total: int = 3, seen: bool = False) -> Rating | None:
    return rating_for(SittingOutcome("written", False, 0, score, hints, total, seen))


def test_coding_ratings() -> None:
    assert coding() == Rating.EASY
    assert coding(failures=1) == Rating.GOOD
    assert coding(failures=2) == Rating.GOOD
    assert coding(failures=3) == Rating.HARD
    assert coding(hints=1) == Rating.GOOD
    assert coding(hints=3) == Rating.HARD
    assert coding(failures=4, hints=3) == Rating.HARD  # help never turns a pass into Again
    assert coding(seen=True) == Rating.AGAIN  # typing what was just read is not recall
    assert coding(accepted=False, failures=5) == Rating.AGAIN
    assert coding(accepted=False, failures=0) is None  # nothing reviewed yet


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (1.0, Rating.EASY),
        (0.85, Rating.EASY),
        (0.7, Rating.GOOD),
        (0.5, Rating.HARD),
        (0.1, Rating.AGAIN),
    ],
)
def test_written_score_bands(score: float, rating: Rating) -> None:
    assert written(score) == rating


def test_hints_lower_a_pass_but_never_below_hard() -> None:
    assert written(0.9, hints=1) == Rating.GOOD
    assert written(0.9, hints=3) == Rating.HARD
    assert written(0.5, hints=3) == Rating.HARD
    assert written(0.2, hints=3) == Rating.AGAIN
    assert written(0.95, seen=True) == Rating.AGAIN
