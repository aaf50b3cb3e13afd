"""The submissions table (added in migration 0006): what a judge or grading worker does.

A submission is written in the same transaction as its queue job (docs/judge-workers.md),
so none is saved without being queued. Its row is also where the result lands: the
worker upserts the verdict keyed on the submission, under a row lock, so a job that
runs twice (at-least-once delivery) records one verdict and one attempt. ``state``
is what the web app shows live: queued, running, done, or failed with a reason.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ._schema import Base, UTCDateTime, utcnow

__all__ = ["SUBMISSION_STATES", "Submission"]

SUBMISSION_STATES = ("queued", "running", "done", "failed")


class Submission(Base):
    __tablename__ = "submission"
    __table_args__ = (
        CheckConstraint("kind IN ('judge', 'grade')", name="ck_submission_kind"),
        CheckConstraint("mode IN ('submit', 'run')", name="ck_submission_mode"),
        CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name="ck_submission_state"
        ),
        CheckConstraint("tries >= 0", name="ck_submission_tries"),
        CheckConstraint(
            "(state = 'done') = (result_json IS NOT NULL)", name="ck_submission_result"
        ),
        UniqueConstraint("learner_id", "dedupe_key", name="uq_submission_dedupe"),
        Index("ix_submission_state", "state", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    kind: Mapped[str] = mapped_column(String(8))  # judge | grade
    mode: Mapped[str] = mapped_column(String(8))  # submit | run
    question_id: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)  # the code or the written answer
    seed: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    custom_args: Mapped[str | None] = mapped_column(Text, nullable=True)  # Python literals
    grader: Mapped[str | None] = mapped_column(String(32), nullable=True)
    origin: Mapped[str] = mapped_column(String(16), default="web")
    mock_id: Mapped[int | None] = mapped_column(ForeignKey("mock_session.id"), nullable=True)
    time_spent_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    dedupe_key: Mapped[str | None] = mapped_column(String(128), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    tries: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    job_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(32), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempt_id: Mapped[int | None] = mapped_column(
        ForeignKey("attempt.id"), nullable=True, unique=True
    )
    growth_state: Mapped[str] = mapped_column(String(16), default="none")
    growth_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
