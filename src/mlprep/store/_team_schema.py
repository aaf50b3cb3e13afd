"""Team mode's tables (added in migration 0005): accounts, cohorts, assignments, grades.

An account owns exactly one ``learner`` row, and every attempt, note, draft, hint
state, review and mock interview already belongs to a learner: that learner id is
the owner every team query is scoped by (solo mode has one learner, ``local``, and
no account). Secrets are never stored: session and link tokens are kept as SHA-256
digests, passwords as Argon2 hashes. The rules that matter are constraints in the
database (roles, dates, score ranges, one-time use), not only checks in Python.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ._schema import Base, UTCDateTime, utcnow

__all__ = [
    "AccessLink",
    "Account",
    "Assessment",
    "Assignment",
    "Cohort",
    "GradeOverride",
    "Membership",
    "SignInAttempt",
    "TeamSecret",
    "TeamSetting",
    "WebSession",
]

ROLES = ("learner", "coach")


class Account(Base):
    """A person who signs in: a learner or a coach."""

    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("role IN ('learner', 'coach')", name="ck_account_role"),
        CheckConstraint("email = lower(email) AND email LIKE '%_@_%'", name="ck_account_email"),
        CheckConstraint("length(name) > 0", name="ck_account_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    # None until the account's invitation link is used to choose a password.
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class WebSession(Base):
    """A signed-in browser: the cookie carries the token, the row its digest."""

    __tablename__ = "web_session"
    __table_args__ = (CheckConstraint("expires_at > created_at", name="ck_web_session_expiry"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AccessLink(Base):
    """A one-time link that sets an account's password: an invitation or a reset."""

    __tablename__ = "access_link"
    __table_args__ = (
        CheckConstraint("purpose IN ('invite', 'reset')", name="ck_access_link_purpose"),
        CheckConstraint("expires_at > created_at", name="ck_access_link_expiry"),
        CheckConstraint("used_at IS NULL OR used_at >= created_at", name="ck_access_link_used"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SignInAttempt(Base):
    """A failed sign-in, counted per login and per address to throttle guessing."""

    __tablename__ = "sign_in_attempt"
    __table_args__ = (
        Index("ix_sign_in_attempt_login", "login", "at"),
        Index("ix_sign_in_attempt_address", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TeamSecret(Base):
    """The key that signs session cookies, made by ``mlprep team init`` (one row)."""

    __tablename__ = "team_secret"
    __table_args__ = (CheckConstraint("id = 1", name="ck_team_secret_single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TeamSetting(Base):
    """A setting of the whole team, shared by every server process (added in 0007)."""

    __tablename__ = "team_setting"
    __table_args__ = (CheckConstraint("name IN ('grader')", name="ck_team_setting_name"),)

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Cohort(Base):
    __tablename__ = "cohort"
    __table_args__ = (CheckConstraint("length(name) > 0", name="ck_cohort_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Membership(Base):
    """Who is in a cohort, and as what: the coaches who run it and its learners."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint("role IN ('learner', 'coach')", name="ck_membership_role"),
        Index("ix_membership_account", "account_id"),
    )

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Assignment(Base):
    """A question set or a timed assessment given to a cohort, open between two dates.

    ``selector_json`` keeps how the coach chose the questions (ids, keys, categories,
    difficulty); ``questions_json`` the ids they resolved to when it was made, so
    the gradebook's columns do not move when the bank grows.
    """

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint("kind IN ('set', 'assessment')", name="ck_assignment_kind"),
        CheckConstraint("due_at > opens_at", name="ck_assignment_dates"),
        CheckConstraint(
            "(kind = 'assessment') = (time_limit_min IS NOT NULL)", name="ck_assignment_timed"
        ),
        CheckConstraint(
            "time_limit_min IS NULL OR (time_limit_min > 0 AND time_limit_min <= 600)",
            name="ck_assignment_time_limit",
        ),
        CheckConstraint("length(title) > 0", name="ck_assignment_title"),
        Index("ix_assignment_cohort", "cohort_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    selector_json: Mapped[str] = mapped_column(Text)
    questions_json: Mapped[str] = mapped_column(Text)
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    time_limit_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hints_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    feedback_before_end: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Assessment(Base):
    """A learner's one sitting of a timed assessment: the mock interview it runs as."""

    __tablename__ = "assessment"

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    mock_id: Mapped[int] = mapped_column(ForeignKey("mock_session.id"), unique=True)


class GradeOverride(Base):
    """A coach's grade for a written answer, kept beside the machine's (never replacing it).

    The newest override of an attempt is the grade the gradebook shows; all are kept,
    and exported as labelled data for the grader (docs/team.md).
    """

    __tablename__ = "grade_override"
    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 1", name="ck_grade_override_score"),
        CheckConstraint("length(reason) > 0", name="ck_grade_override_reason"),
        Index("ix_grade_override_attempt", "attempt_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
