"""Practice that adapts: FSRS scheduling, practice queues, mock interviews, progress."""

from ._mock import TRACKS, MockPlan, plan_mock, question_score, scorecard
from ._plots import progress_figure, write_progress_plot
from ._rating import Rating, RatingInput, rating_for
from ._schedule import (
    DAILY_REVIEW_CAP,
    LEECH_LAPSES,
    QueueItem,
    card_retrievability,
    due_queue,
    new_questions,
    review,
    review_attempt,
    spread_backlog,
)
from ._stats import Progress, mastery_history, progress
from ._transfer import EXPORT_SCHEMA, export_progress, import_progress

__all__ = [
    "DAILY_REVIEW_CAP",
    "EXPORT_SCHEMA",
    "LEECH_LAPSES",
    "TRACKS",
    "MockPlan",
    "Progress",
    "QueueItem",
    "Rating",
    "RatingInput",
    "card_retrievability",
    "due_queue",
    "export_progress",
    "import_progress",
    "mastery_history",
    "new_questions",
    "plan_mock",
    "progress",
    "progress_figure",
    "question_score",
    "rating_for",
    "review",
    "review_attempt",
    "scorecard",
    "spread_backlog",
    "write_progress_plot",
]
