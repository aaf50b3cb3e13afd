"""How a sitting's outcome becomes one FSRS rating (documented in docs/practice.md).

A sitting is the attempts at one question until the learner moves on (see
``_sitting``). Its *deciding* attempt is the first accepted submission of a coding
question (the last one while none is accepted) and the first graded answer of a
written question (later answers follow the feedback and the model answer, so they
are not recall). Help counts up to the deciding attempt.

Base rating:
    coding   accepted with 0 failed submissions before it -> Easy
             accepted after 1-2 failed submissions          -> Good
             accepted after more                            -> Hard
             never accepted                                 -> Again
    written  first score >= 0.85 Easy, >= 0.65 Good, >= 0.40 Hard, else Again;
             the learner's own rating of the sitting (``mlprep rate``), when given,
             instead of the score's band
Help: any hint lowers a passing rating one level, every hint two, never below
Hard (the learner did answer). The model answer seen before the deciding attempt
makes it Again: typing a solution one has just read is not recall.
Code that does not parse and our own errors are no review at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

__all__ = ["NO_REVIEW_VERDICTS", "Rating", "SittingOutcome", "rating_for"]

NO_REVIEW_VERDICTS = frozenset({"syntax_error", "internal_error"})


class Rating(IntEnum):
    """Same values as ``fsrs.Rating``."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True)
class SittingOutcome:
    kind: str  # coding | written
    accepted: bool  # coding: some submission of the sitting was accepted
    failures: int  # coding: reviewed submissions rejected before the first acceptance
    first_score: float | None  # written: the score of the sitting's first answer
    hints_used: int  # hints revealed in this sitting before the deciding attempt
    hints_total: int
    solution_seen: bool  # model answer seen in this sitting before the deciding attempt
    # written: the learner's own rating after the feedback, instead of the score's band
    self_rating: Rating | None = None


def _written_band(score: float) -> Rating:
    if score >= 0.85:
        return Rating.EASY
    if score >= 0.65:
        return Rating.GOOD
    if score >= 0.40:
        return Rating.HARD
    return Rating.AGAIN


def rating_for(outcome: SittingOutcome) -> Rating | None:
    """The one rating a sitting earns, or None while it holds no reviewed attempt."""
    if outcome.kind == "coding":
        if not outcome.accepted:
            return Rating.AGAIN if outcome.failures else None
        if outcome.failures == 0:
            base = Rating.EASY
        elif outcome.failures <= 2:
            base = Rating.GOOD
        else:
            base = Rating.HARD
    else:
        if outcome.first_score is None:
            return None
        base = (
            outcome.self_rating
            if outcome.self_rating is not None
            else _written_band(outcome.first_score)
        )
    if base == Rating.AGAIN or outcome.solution_seen:
        return Rating.AGAIN
    if outcome.hints_used:
        every_hint = outcome.hints_total and outcome.hints_used >= outcome.hints_total
        base = Rating(max(Rating.HARD, base - (2 if every_hint else 1)))
    return base
