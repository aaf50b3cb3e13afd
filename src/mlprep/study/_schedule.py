"""Spaced repetition over the bank: every question is an FSRS card.

The scheduler itself is the ``fsrs`` package; ``_sitting`` decides what counts as
a review (one per sitting). This module builds the practice queue and spreads a
backlog of overdue reviews over the following days. The clock is always passed
in, so a simulated month takes no time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ._rating import Rating
from ._sitting import LEECH_LAPSES, _lock, _new_sitting, _write_review, new_card, scheduler_for

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.content import Question
    from mlprep.store import ReviewState, Store

__all__ = [
    "DAILY_REVIEW_CAP",
    "LEECH_LAPSES",
    "QueueItem",
    "card_retrievability",
    "due_queue",
    "new_questions",
    "review",
    "spread_backlog",
]

DAILY_REVIEW_CAP = 20


def _card(row: ReviewState | None, question_id: str) -> Any:
    from fsrs import Card

    if row is None:
        return new_card(question_id)
    return Card.from_json(row.card_json)


def card_retrievability(row: ReviewState, now: datetime) -> float:
    """Probability of recall now, by FSRS; 0 for a card never reviewed."""
    card = _card(row, row.question_id)
    if card.last_review is None:
        return 0.0
    # Retrievability depends on stability only, the same for every kind's scheduler.
    return float(scheduler_for("written").get_card_retrievability(card, now))


def review(
    store: Store,
    question_id: str,
    rating: Rating,
    now: datetime,
    *,
    kind: str = "written",
    learner: str = "local",
) -> ReviewState:
    """Apply one rating to a question's card as a sitting of its own (for simulations)."""
    lid = store.learner_id(learner)
    with store.transaction() as s:
        _lock(s, lid)
        sitting = _new_sitting(s, lid, question_id, None, now)
        _write_review(s, sitting, question_id, kind, rating, None, now)
    saved = store.review(question_id, learner=learner)
    assert saved is not None
    return saved


@dataclass(frozen=True)
class QueueItem:
    """One question offered in practice, and why."""

    question: Question
    reason: str  # due | new
    due: datetime | None
    retrievability: float | None
    leech: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "title": self.question.title,
            "category": self.question.category.value,
            "reason": self.reason,
            "due": self.due.isoformat() if self.due else None,
            "retrievability": None
            if self.retrievability is None
            else round(self.retrievability, 3),
            "leech": self.leech,
            "prerequisites": list(self.question.meta.prerequisites),
        }


def spread_backlog(
    store: Store, now: datetime, *, per_day: int = DAILY_REVIEW_CAP, learner: str = "local"
) -> int:
    """Keep at most ``per_day`` overdue reviews today; move the rest to later days.

    The most at-risk cards (lowest retrievability) stay first. Returns how many
    reviews were moved.
    """
    overdue = [row for row in store.reviews(learner=learner) if row.due <= now]
    if len(overdue) <= per_day:
        return 0
    overdue.sort(key=lambda row: (card_retrievability(row, now), row.due))
    moved = 0
    for index, row in enumerate(overdue[per_day:], start=per_day):
        day = index // per_day
        store.save_review(
            row.question_id,
            card_json=row.card_json,
            due=now + timedelta(days=day),
            lapses=row.lapses,
            leech=row.leech,
            learner=learner,
        )
        moved += 1
    return moved


def due_queue(
    core: Mlprep, now: datetime | None = None, questions: Iterable[Question] | None = None
) -> list[QueueItem]:
    """Reviews due now, most at-risk first, after spreading any large backlog."""
    now = now or datetime.now(UTC)
    store = core.store
    if not store.read_only:  # spreading moves due dates: a write
        spread_backlog(store, now, learner=core.learner)
    allowed = {q.id: q for q in (questions if questions is not None else core.bank)}
    items = []
    for row in store.reviews(learner=core.learner):
        question = allowed.get(row.question_id)
        if question is None or row.due > now:
            continue
        items.append(QueueItem(question, "due", row.due, card_retrievability(row, now), row.leech))
    items.sort(key=lambda item: (item.retrievability or 0.0, item.due or now))
    return items


_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def new_questions(core: Mlprep, questions: Iterable[Question] | None = None) -> list[QueueItem]:
    """Questions never reviewed, easiest first, prerequisites before what needs them."""
    seen = {row.question_id for row in core.store.reviews(learner=core.learner)}
    pool = [q for q in (questions if questions is not None else core.bank) if q.id not in seen]
    needed = {p for q in pool for p in q.meta.prerequisites}
    pool.sort(
        key=lambda q: (q.id not in needed, _DIFFICULTY_ORDER[q.difficulty.value], q.category, q.id)
    )
    return [QueueItem(q, "new", None, None, False) for q in pool]


def cards_by_question(store: Store, learner: str = "local") -> dict[str, dict[str, Any]]:
    """The raw FSRS card of every reviewed question (for export and stats)."""
    return {row.question_id: json.loads(row.card_json) for row in store.reviews(learner=learner)}
