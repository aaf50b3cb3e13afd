"""The attempt -> rating mapping documented in docs/practice.md."""

from __future__ import annotations

import pytest

from mlprep.study import Rating, RatingInput, rating_for


def coding(verdict: str, submissions: int = 1, hints: int = 0, seen: bool = False) -> Rating | None:
    return rating_for(RatingInput("coding", verdict, None, submissions, hints, 3, seen))


def written(score: float, hints: int = 0, total: int = 3, seen: bool = False) -> Rating | None:
    return rating_for(RatingInput("written", None, score, 1, hints, total, seen))


def test_coding_ratings() -> None:
    assert coding("accepted") == Rating.EASY
    assert coding("accepted", submissions=2) == Rating.GOOD
    assert coding("accepted", hints=1) == Rating.GOOD
    assert coding("accepted", submissions=3) == Rating.HARD
    assert coding("accepted", hints=2) == Rating.HARD
    assert coding("accepted", seen=True) == Rating.HARD
    for verdict in ("wrong_answer", "runtime_error", "time_limit_exceeded", "forbidden"):
        assert coding(verdict) == Rating.AGAIN


@pytest.mark.parametrize("verdict", ["syntax_error", "internal_error"])
def test_code_that_never_ran_is_not_a_review(verdict: str) -> None:
    assert coding(verdict) is None


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
    assert written(0.95, seen=True) == Rating.HARD
