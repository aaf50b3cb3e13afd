"""The learner's own rating of a written sitting (``mlprep rate``, the web's buttons).

A written answer's grade is a reading of the text, and a reading can be wrong (a
right answer in unusual words, a fluent one with a wrong claim: docs/grading.md,
Known limits). After the feedback and the model answer the learner knows better, as
in Anki: their rating replaces the grade's band as the sitting's base rating. The
help rules still apply (a hint lowers a pass, the model answer read before answering
makes it Again), so rating oneself cannot undo help taken. Only the open sitting of
a question answered outside a mock interview can be rated: the rating is about the
answer just given, and a mock's answers count as the interview scored them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mlprep.errors import UsageError

from ._rating import Rating, rating_for
from ._sitting import (
    SITTING_GAP,
    _is_open,
    _latest,
    _lock,
    _write_review,
    sitting_outcome,
)

if TYPE_CHECKING:
    from mlprep.content import Question
    from mlprep.store import Store

__all__ = ["RATING_NAMES", "SelfRating", "check_rateable", "parse_rating", "rate_sitting"]

RATING_NAMES = {r: r.name.lower() for r in Rating}


def parse_rating(text: str | int) -> Rating:
    """``again``/``hard``/``good``/``easy`` (any case) or 1-4, else a one-line error."""
    value = str(text).strip().lower()
    for rating, name in RATING_NAMES.items():
        if value in (name, str(int(rating))):
            return rating
    raise UsageError(f"rating must be again, hard, good or easy (or 1-4), not {str(text)!r}")


def check_rateable(question: Question) -> None:
    """A one-line ``UsageError`` for a question no learner rates: a coding one."""
    if question.is_coding:
        raise UsageError(f"'{question.id}' is a coding question: its tests rate it, not you")


@dataclass(frozen=True)
class SelfRating:
    """A rated sitting: the rating the schedule got, the one the grade alone gave,
    and when the question is due again."""

    question_id: str
    given: Rating  # what the learner said
    rating: Rating  # what the review got (the help rules applied to ``given``)
    graded: Rating  # what the grade's band would have given
    due: datetime
    lowered_by: str = ""  # why ``rating`` is below ``given`` (the help taken), else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question_id,
            "given": RATING_NAMES[self.given],
            "rating": RATING_NAMES[self.rating],
            "graded": RATING_NAMES[self.graded],
            "due": self.due.isoformat(),
            "lowered_by": self.lowered_by,
        }

    def summary(self) -> str:
        """One line for the learner: the rating, what lowered it, the grade's, the next review."""
        lowered = f" ({self.lowered_by})" if self.lowered_by else ""
        return (
            f"Rated {RATING_NAMES[self.rating]}{lowered}; the grade alone gave "
            f"{RATING_NAMES[self.graded]}. Next review: {self.due.astimezone():%Y-%m-%d}."
        )


def _help_taken(sitting: Any, question: Question) -> str:
    """What lowered a sitting's rating: the help taken before its graded answer."""
    if sitting.solution_seen:
        return "the model answer was read before answering: Again"
    if sitting.hints_used >= len(question.hints):
        return "every hint was taken before answering: two levels, never below Hard"
    return "a hint was taken before answering: one level, never below Hard"


def _nothing_to_rate(sitting: Any, question: Question, now: datetime) -> str:
    """Why there is no answer to rate, in one line (a rating is for the answer just graded)."""
    head = f"no answer to '{question.id}' to rate"
    if sitting is None:
        return f"{head}: grade one first (`mlprep grade {question.id} FILE`), then rate it"
    if sitting.question_id != question.id:
        return (
            f"{head}: you have worked on '{sitting.question_id}' since, and a rating is for "
            "the answer just graded"
        )
    if now - sitting.last_at > SITTING_GAP:
        return (
            f"{head}: more than {int(SITTING_GAP.total_seconds() // 60)} minutes have passed "
            "since, and a rating is for the answer just graded"
        )
    return f"{head} yet: grade one first (`mlprep grade {question.id} FILE`), then rate it"


def rate_sitting(
    store: Store,
    learner: str,
    question: Question,
    rating: Rating,
    now: datetime | None = None,
) -> SelfRating:
    """Give the open sitting of ``question`` the learner's own rating and rewrite its
    review, in one transaction. A one-line ``UsageError`` when there is nothing to rate."""
    from mlprep.store import ReviewLog, ReviewState

    check_rateable(question)
    now = now or datetime.now(UTC)
    lid = store.learner_id(learner)

    def write() -> SelfRating:
        with store.transaction() as s:
            _lock(s, lid)
            sitting = _latest(s, lid)
            if (
                sitting is not None
                and sitting.question_id == question.id
                and sitting.mock_id is not None
            ):
                raise UsageError(
                    "answers in a mock interview count as the interview scored them: "
                    "there is nothing to rate"
                )
            if not _is_open(sitting, question.id, None, now) or sitting.first_score is None:
                raise UsageError(_nothing_to_rate(sitting, question, now))
            graded = rating_for(sitting_outcome(sitting, question, own=False))
            sitting.self_rating = int(rating)
            rated = rating_for(sitting_outcome(sitting, question))
            assert graded is not None and rated is not None  # a graded written sitting
            log = s.get(ReviewLog, sitting.review_log_id) if sitting.review_log_id else None
            _write_review(
                s, sitting, question.id, "written", rated, log.attempt_id if log else None, now
            )
            state = s.get(ReviewState, (lid, question.id))
            assert state is not None  # just written
            lowered = _help_taken(sitting, question) if rated < rating else ""
            return SelfRating(question.id, rating, rated, graded, state.due, lowered)

    return store.atomically(write)
