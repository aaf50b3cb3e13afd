"""The catalogue's status of each question (new / learning / due / mastered).

A presentation summary of the scheduler's state, not a new rule: no review row means
the question was never answered; a review due now is due; a card the learner would
very likely recall, whose last answer scored well, counts as mastered.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep._core import Mlprep

__all__ = ["MASTERED_RECALL", "MASTERED_SCORE", "STATUSES", "question_statuses"]

STATUSES = ("new", "learning", "due", "mastered")
MASTERED_RECALL = 0.9
MASTERED_SCORE = 0.8


def question_statuses(core: Mlprep, now: datetime | None = None) -> dict[str, str]:
    """Status of every question the learner has touched; absent ids are ``new``."""
    from mlprep.study import card_retrievability, question_score

    now = now or datetime.now(UTC)
    last_score: dict[str, float] = {}
    for attempt in core.store.attempts(learner=core.learner):
        last_score[attempt.question_id] = question_score(attempt)
    statuses: dict[str, str] = {}
    for row in core.store.reviews(learner=core.learner):
        if row.due <= now:
            statuses[row.question_id] = "due"
        elif (
            card_retrievability(row, now) >= MASTERED_RECALL
            and last_score.get(row.question_id, 0.0) >= MASTERED_SCORE
        ):
            statuses[row.question_id] = "mastered"
        else:
            statuses[row.question_id] = "learning"
    return statuses
