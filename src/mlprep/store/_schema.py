"""The progress database's tables (SQLAlchemy 2 declarative models).

Portable on purpose: no SQLite-only SQL, timezone-aware UTC timestamps, JSON kept
as text, so the same code runs on PostgreSQL. Every change to these models comes
with an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "Attempt",
    "Base",
    "Draft",
    "HintState",
    "Learner",
    "MockSession",
    "Note",
    "ReviewLog",
    "ReviewState",
    "Sitting",
    "UTCDateTime",
    "utcnow",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Learner(Base):
    __tablename__ = "learner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Attempt(Base):
    """One judged or graded answer: the unit of progress."""

    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_learner_question", "learner_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    question_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # coding | written
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answer: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(32), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    time_spent_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    hints_used: Mapped[int] = mapped_column(Integer, default=0)
    solution_seen: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="cli")
    mock_id: Mapped[int | None] = mapped_column(ForeignKey("mock_session.id"), nullable=True)
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class HintState(Base):
    """How many hints of a question a learner has revealed, and whether the solution."""

    __tablename__ = "hint_state"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    revealed: Mapped[int] = mapped_column(Integer, default=0)
    solution_seen: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewState(Base):
    """The scheduler's card for one question (FSRS state serialised as JSON)."""

    __tablename__ = "review_state"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    card_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewLog(Base):
    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    question_id: Mapped[str] = mapped_column(String(64))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id"), nullable=True)


class MockSession(Base):
    __tablename__ = "mock_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    track: Mapped[str] = mapped_column(String(32))
    minutes: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    plan_json: Mapped[str] = mapped_column(Text)
    scorecard_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Ended with nothing answered (added in 0004): kept, but not a result.
    abandoned: Mapped[bool] = mapped_column(Boolean, default=False)


class Sitting(Base):
    """The attempts at one question until the learner moves on (added in 0004).

    FSRS gets one review per sitting; the card as it was before the sitting is kept
    so that every attempt can rewrite the sitting's review from scratch, in the same
    transaction as the attempt (see docs/practice.md).
    """

    __tablename__ = "sitting"
    __table_args__ = (Index("ix_sitting_learner_last", "learner_id", "last_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    question_id: Mapped[str] = mapped_column(String(64))
    mock_id: Mapped[int | None] = mapped_column(ForeignKey("mock_session.id"), nullable=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # reviewed ones
    failures: Mapped[int] = mapped_column(Integer, default=0)  # before the first acceptance
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    first_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    hints_used: Mapped[int] = mapped_column(Integer, default=0)  # up to the deciding attempt
    solution_seen: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The learner's own rating of a written sitting (added in 0008): replaces the
    # grade's band as the base rating (docs/practice.md).
    self_rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    card_before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    lapses_before: Mapped[int] = mapped_column(Integer, default=0)
    leech_before: Mapped[bool] = mapped_column(Boolean, default=False)
    review_log_id: Mapped[int | None] = mapped_column(ForeignKey("review_log.id"), nullable=True)


class Note(Base):
    """A learner's private note on a question (added in migration 0002)."""

    __tablename__ = "note"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    question_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Draft(Base):
    """The unsent text of an answer box (added in migration 0003).

    ``scope`` keeps a mock interview's drafts apart from practice: ``"practice"`` or
    ``"mock-<id>"``, so a mock never opens on text written outside it.
    """

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("learner_id", "question_id", "scope"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    question_id: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
