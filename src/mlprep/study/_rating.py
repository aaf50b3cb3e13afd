"""How an attempt becomes an FSRS rating (documented in docs/practice.md).

Coding (by verdict):
    syntax_error, internal_error          -> no review (the code never ran / our fault)
    accepted, 1st submission, no help     -> Easy
    accepted, <= 2 submissions, <= 1 hint -> Good
    accepted otherwise                    -> Hard
    anything else                         -> Again
Written (by score in [0, 1]):
    >= 0.85 Easy, >= 0.65 Good, >= 0.40 Hard, else Again
Help lowers a passing rating: one level for any hint, two when every hint was
revealed, and a seen model answer caps the rating at Hard. Help never turns a
pass into Again: the learner did answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

__all__ = ["NO_REVIEW_VERDICTS", "Rating", "RatingInput", "rating_for"]

NO_REVIEW_VERDICTS = frozenset({"syntax_error", "internal_error"})


class Rating(IntEnum):
    """Same values as ``fsrs.Rating``."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True)
class RatingInput:
    kind: str  # coding | written
    verdict: str | None
    score: float | None
    submissions: int  # this one included, since the question's last review
    hints_used: int
    hints_total: int
    solution_seen: bool


def _written_band(score: float) -> Rating:
    if score >= 0.85:
        return Rating.EASY
    if score >= 0.65:
        return Rating.GOOD
    if score >= 0.40:
        return Rating.HARD
    return Rating.AGAIN


def rating_for(attempt: RatingInput) -> Rating | None:
    """The rating an attempt earns, or None when it should not count as a review."""
    if attempt.kind == "coding":
        if attempt.verdict in NO_REVIEW_VERDICTS:
            return None
        if attempt.verdict != "accepted":
            return Rating.AGAIN
        if attempt.submissions <= 1 and attempt.hints_used == 0 and not attempt.solution_seen:
            return Rating.EASY
        base = Rating.GOOD if attempt.submissions <= 2 and attempt.hints_used <= 1 else Rating.HARD
    else:
        if attempt.score is None:
            return None
        base = _written_band(attempt.score)
        if base == Rating.AGAIN:
            return base
        if attempt.hints_used:
            all_hints = attempt.hints_total and attempt.hints_used >= attempt.hints_total
            base = Rating(max(Rating.HARD, base - (2 if all_hints else 1)))
    if attempt.solution_seen:
        base = Rating(min(base, Rating.HARD))
    return base
