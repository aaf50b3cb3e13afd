"""Practice that adapts: FSRS scheduling, practice queues, mock interviews, progress."""

from ._attempted import PLACEHOLDER, not_attempted
from ._mock import TRACKS, MockPlan, plan_mock, question_score, scorecard
from ._plots import progress_figure, write_progress_plot
from ._rating import Rating, SittingOutcome, rating_for
from ._schedule import (
    DAILY_REVIEW_CAP,
    LEECH_LAPSES,
    QueueItem,
    card_retrievability,
    due_queue,
    new_questions,
    review,
    spread_backlog,
)
from ._self_rating import RATING_NAMES, SelfRating, check_rateable, parse_rating, rate_sitting
from ._sitting import (
    LEARNING_STEPS,
    RELEARNING_STEPS,
    SITTING_GAP,
    Help,
    current_help,
    mark_solution_seen,
    record_attempt,
    reveal_hint,
    scheduler_for,
)
from ._stats import Progress, mastery_history, progress
from ._transfer import EXPORT_SCHEMA, export_progress, import_progress

__all__ = [
    "DAILY_REVIEW_CAP",
    "EXPORT_SCHEMA",
    "LEARNING_STEPS",
    "LEECH_LAPSES",
    "PLACEHOLDER",
    "RATING_NAMES",
    "RELEARNING_STEPS",
    "SITTING_GAP",
    "TRACKS",
    "Help",
    "MockPlan",
    "Progress",
    "QueueItem",
    "Rating",
    "SelfRating",
    "SittingOutcome",
    "card_retrievability",
    "check_rateable",
    "current_help",
    "due_queue",
    "export_progress",
    "import_progress",
    "mark_solution_seen",
    "mastery_history",
    "new_questions",
    "not_attempted",
    "parse_rating",
    "plan_mock",
    "progress",
    "progress_figure",
    "question_score",
    "rate_sitting",
    "rating_for",
    "record_attempt",
    "reveal_hint",
    "review",
    "scheduler_for",
    "scorecard",
    "spread_backlog",
    "write_progress_plot",
]
