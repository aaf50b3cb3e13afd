"""Sittings: the attempts at one question until the learner moves on.

FSRS gets ONE review per sitting (docs/practice.md says why). A sitting of
question Q is open while it is the learner's most recent activity (an attempt, a
hint or the model answer), on the same question, in the same context (practice,
or one mock interview), and less than ``SITTING_GAP`` has passed since its last
activity. Anything else opens a new sitting, and the help revealed before does
not carry over: hints count per sitting.

The review is provisional and rewritten by every attempt of the sitting: the
sitting keeps the card as it was before it started, and each attempt reviews
that card again with the sitting's rating so far, in the same transaction as the
attempt itself. So there is nothing to "close": a process that ends mid-sitting
(every CLI command is one) leaves a correct card, and the next activity
elsewhere simply starts a new sitting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from ._rating import NO_REVIEW_VERDICTS, Rating, SittingOutcome, rating_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mlprep.content import Question
    from mlprep.store import Attempt, AttemptInput, Store

__all__ = [
    "LEARNING_STEPS",
    "LEECH_LAPSES",
    "RELEARNING_STEPS",
    "SITTING_GAP",
    "Help",
    "current_help",
    "mark_solution_seen",
    "record_attempt",
    "reveal_hint",
    "scheduler_for",
]

SITTING_GAP = timedelta(minutes=30)
LEECH_LAPSES = 4

# Learning steps per kind of question (docs/practice.md, "Learning steps"). A sitting
# already holds the same-day retries, and a written answer is followed by its model
# answer, so a step shorter than a day would test what was just read, not recall.
LEARNING_STEPS: dict[str, tuple[timedelta, ...]] = {
    "coding": (timedelta(days=1),),
    "written": (timedelta(days=1), timedelta(days=3)),
}
RELEARNING_STEPS: dict[str, tuple[timedelta, ...]] = {
    "coding": (timedelta(days=1),),
    "written": (timedelta(days=1),),
}


def scheduler_for(kind: str) -> Any:
    """The FSRS scheduler of a kind of question (``coding`` or ``written``)."""
    from fsrs import Scheduler

    # Fuzzing would make schedules random; backlog spreading does the load balancing.
    return Scheduler(
        learning_steps=LEARNING_STEPS[kind],
        relearning_steps=RELEARNING_STEPS[kind],
        enable_fuzzing=False,
    )


def new_card(question_id: str) -> Any:
    from fsrs import Card

    return Card(card_id=abs(hash(question_id)) % 10**12 + 1)


@dataclass(frozen=True)
class Help:
    """The help revealed in the open sitting of a question."""

    hints: int
    solution_seen: bool


def _lock(s: Session, learner_id: int) -> None:
    """Serialise this learner's sitting updates across processes.

    An UPDATE first: on PostgreSQL it locks the learner row; on SQLite it takes the
    write lock before anything is read, so two processes cannot both open a sitting.
    """
    from mlprep.store import Learner

    s.execute(update(Learner).where(Learner.id == learner_id).values(name=Learner.name))


def _latest(s: Session, learner_id: int) -> Any:
    from mlprep.store import Sitting

    query = (
        select(Sitting)
        .where(Sitting.learner_id == learner_id)
        .order_by(Sitting.last_at.desc(), Sitting.id.desc())
        .limit(1)
    )
    return s.scalar(query)


def _is_open(sitting: Any, question_id: str, mock_id: int | None, now: datetime) -> bool:
    return bool(
        sitting is not None
        and sitting.question_id == question_id
        and sitting.mock_id == mock_id
        and now - sitting.last_at <= SITTING_GAP
        and now >= sitting.last_at - SITTING_GAP  # a clock set back starts afresh
    )


def _touch(
    s: Session, learner_id: int, question_id: str, mock_id: int | None, now: datetime
) -> Any:
    """The open sitting of this question, or a new one (with the help reset)."""
    from mlprep.store import HintState

    latest = _latest(s, learner_id)
    if _is_open(latest, question_id, mock_id, now):
        latest.last_at = max(latest.last_at, now)
        return latest
    hint = s.get(HintState, (learner_id, question_id))
    if hint is not None:
        hint.revealed, hint.solution_seen, hint.updated_at = 0, False, now
    return _new_sitting(s, learner_id, question_id, mock_id, now)


def _new_sitting(
    s: Session, learner_id: int, question_id: str, mock_id: int | None, now: datetime
) -> Any:
    """A sitting that starts now, remembering the card as it was (to undo its review)."""
    from mlprep.store import ReviewState, Sitting

    card = s.get(ReviewState, (learner_id, question_id))
    sitting = Sitting(
        learner_id=learner_id,
        question_id=question_id,
        mock_id=mock_id,
        started_at=now,
        last_at=now,
        attempts=0,
        failures=0,
        accepted=False,
        first_score=None,
        hints_used=0,
        solution_seen=False,
        rating=None,
        card_before_json=card.card_json if card else None,
        lapses_before=card.lapses if card else 0,
        leech_before=bool(card and card.leech),
    )
    s.add(sitting)
    s.flush()
    return sitting


def _hint_state(s: Session, learner_id: int, question_id: str, now: datetime) -> Any:
    from mlprep.store import HintState

    state = s.get(HintState, (learner_id, question_id))
    if state is None:
        state = HintState(
            learner_id=learner_id,
            question_id=question_id,
            revealed=0,
            solution_seen=False,
            updated_at=now,
        )
        s.add(state)
    return state


def current_help(
    store: Store, learner: str, question_id: str, mock_id: int | None, now: datetime | None = None
) -> Help:
    """Help revealed in the question's open sitting (none when no sitting is open)."""
    from mlprep.store import HintState

    now = now or datetime.now(UTC)
    lid = store.learner_id(learner)
    with store.transaction() as s:
        if not _is_open(_latest(s, lid), question_id, mock_id, now):
            return Help(0, False)
        state = s.get(HintState, (lid, question_id))
        return Help(state.revealed, state.solution_seen) if state else Help(0, False)


def reveal_hint(
    store: Store,
    learner: str,
    question_id: str,
    available: int,
    mock_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Reveal the sitting's next hint (at most ``available``); returns how many are shown."""
    now = now or datetime.now(UTC)
    lid = store.learner_id(learner)

    def write() -> int:
        with store.transaction() as s:
            _lock(s, lid)
            _touch(s, lid, question_id, mock_id, now)
            state = _hint_state(s, lid, question_id, now)
            state.revealed = min(available, state.revealed + 1)
            state.updated_at = now
            return int(state.revealed)

    return store.atomically(write)


def mark_solution_seen(
    store: Store,
    learner: str,
    question_id: str,
    mock_id: int | None = None,
    now: datetime | None = None,
) -> None:
    now = now or datetime.now(UTC)
    lid = store.learner_id(learner)

    def write() -> None:
        with store.transaction() as s:
            _lock(s, lid)
            _touch(s, lid, question_id, mock_id, now)
            state = _hint_state(s, lid, question_id, now)
            state.solution_seen, state.updated_at = True, now

    store.atomically(write)


def record_attempt(
    store: Store, learner: str, question: Question, attempt: AttemptInput
) -> tuple[Attempt, Rating | None]:
    """Store an attempt and its sitting's (re)written review in ONE transaction."""
    now = attempt.created_at or datetime.now(UTC)
    lid = store.learner_id(learner)
    return store.atomically(lambda: _record(store, lid, question, attempt, now))


def _record(
    store: Store, lid: int, question: Question, attempt: AttemptInput, now: datetime
) -> tuple[Attempt, Rating | None]:
    from mlprep.store import Attempt

    with store.transaction() as s:
        _lock(s, lid)
        sitting = _touch(s, lid, question.id, attempt.mock_id, now)
        help_ = _hint_state(s, lid, question.id, now)
        row = Attempt(
            learner_id=lid,
            question_id=attempt.question_id,
            kind=attempt.kind,
            created_at=now,
            answer=attempt.answer,
            verdict=attempt.verdict,
            score=attempt.score,
            time_spent_s=attempt.time_spent_s,
            hints_used=help_.revealed,
            solution_seen=help_.solution_seen,
            source=attempt.source,
            mock_id=attempt.mock_id,
            result_json=json.dumps(attempt.result) if attempt.result is not None else None,
        )
        s.add(row)
        s.flush()
        rating = _review_sitting(s, sitting, question, row, now)
    return row, rating


def _review_sitting(
    s: Session, sitting: Any, question: Question, attempt: Any, now: datetime
) -> Rating | None:
    kind = "coding" if question.is_coding else "written"
    if attempt.kind == "coding" and attempt.verdict in NO_REVIEW_VERDICTS:
        return None  # never ran, or our fault: costs nothing, decides nothing
    if attempt.kind == "written" and attempt.score is None:
        return None
    deciding = False
    if kind == "coding":
        if not sitting.accepted:
            deciding = True
            if attempt.verdict == "accepted":
                sitting.accepted = True
            else:
                sitting.failures += 1
    elif sitting.first_score is None:
        deciding = True
        sitting.first_score = float(attempt.score)
    if deciding:
        sitting.hints_used = attempt.hints_used
        sitting.solution_seen = attempt.solution_seen
    sitting.attempts += 1
    rating = rating_for(sitting_outcome(sitting, question))
    if rating is None:
        return None
    if deciding or sitting.rating != int(rating):
        _write_review(s, sitting, question.id, kind, rating, attempt.id, now)
    return rating


def sitting_outcome(sitting: Any, question: Question, *, own: bool = True) -> SittingOutcome:
    """What a sitting holds so far, as ``rating_for`` reads it (``own``: with the
    learner's own rating of a written sitting, if they gave one)."""
    given = sitting.self_rating if own else None  # only written sittings are rated
    return SittingOutcome(
        kind="coding" if question.is_coding else "written",
        accepted=sitting.accepted,
        failures=sitting.failures,
        first_score=sitting.first_score,
        hints_used=sitting.hints_used,
        hints_total=len(question.hints),
        solution_seen=sitting.solution_seen,
        self_rating=Rating(given) if given is not None else None,
    )


def _recovered(s: Session, sitting: Any, rating: Rating) -> bool:
    """A leech recovers with a sitting passed without help, or two passes on two days."""
    from mlprep.store import Sitting

    if rating >= Rating.GOOD:
        return True
    if rating < Rating.HARD:
        return False
    previous = s.scalar(
        select(Sitting)
        .where(
            Sitting.learner_id == sitting.learner_id,
            Sitting.question_id == sitting.question_id,
            Sitting.rating.is_not(None),
            Sitting.id != sitting.id,
        )
        .order_by(Sitting.last_at.desc(), Sitting.id.desc())
        .limit(1)
    )
    return bool(
        previous is not None
        and (previous.rating or 0) >= Rating.HARD
        and previous.last_at.date() < sitting.started_at.date()
    )


def _write_review(
    s: Session,
    sitting: Any,
    question_id: str,
    kind: str,
    rating: Rating,
    attempt_id: int | None,
    now: datetime,
) -> None:
    from fsrs import Card, State
    from fsrs import Rating as FsrsRating

    from mlprep.store import ReviewLog, ReviewState

    before = Card.from_json(sitting.card_before_json) if sitting.card_before_json else None
    card, _log = scheduler_for(kind).review_card(
        before or new_card(question_id), FsrsRating(int(rating)), now
    )
    # A lapse (as in Anki) is a failed review of a card that was learned: the card
    # was in the Review state. Failing a new or relearning card again is no lapse,
    # so four failed runs of a new question are no leech, and lapses span days.
    lapsed = rating == Rating.AGAIN and before is not None and before.state == State.Review
    lapses = sitting.lapses_before + lapsed
    leech = sitting.leech_before or lapses >= LEECH_LAPSES
    if sitting.leech_before and _recovered(s, sitting, rating):
        leech, lapses = False, 0
    row = s.get(ReviewState, (sitting.learner_id, question_id))
    if row is None:
        row = ReviewState(learner_id=sitting.learner_id, question_id=question_id)
        s.add(row)
    row.card_json, row.due, row.lapses, row.leech, row.updated_at = (
        card.to_json(),
        card.due,
        lapses,
        leech,
        now,
    )
    log = s.get(ReviewLog, sitting.review_log_id) if sitting.review_log_id else None
    if log is None:
        log = ReviewLog(learner_id=sitting.learner_id, question_id=question_id)
        s.add(log)
    log.rating, log.reviewed_at, log.attempt_id = int(rating), now, attempt_id
    s.flush()
    sitting.review_log_id = log.id
    sitting.rating = int(rating)
