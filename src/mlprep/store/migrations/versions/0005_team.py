"""Team mode: accounts, sessions, one-time links, cohorts, assignments, grade overrides.

Revision ID: 0005
Revises: 0004

Nothing existing changes: an account owns one ``learner`` row, so attempts, notes,
drafts and mocks are owned through the ``learner_id`` they already carry (solo
mode keeps its single ``local`` learner and has no account).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column(
            "learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False, unique=True
        ),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.CheckConstraint("role IN ('learner', 'coach')", name="ck_account_role"),
        sa.CheckConstraint("email = lower(email) AND email LIKE '%_@_%'", name="ck_account_email"),
        sa.CheckConstraint("length(name) > 0", name="ck_account_name"),
    )
    op.create_table(
        "web_session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.CheckConstraint("expires_at > created_at", name="ck_web_session_expiry"),
    )
    op.create_table(
        "access_link",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("account.id"), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.CheckConstraint("purpose IN ('invite', 'reset')", name="ck_access_link_purpose"),
        sa.CheckConstraint("expires_at > created_at", name="ck_access_link_expiry"),
        sa.CheckConstraint("used_at IS NULL OR used_at >= created_at", name="ck_access_link_used"),
    )
    op.create_table(
        "sign_in_attempt",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("login", sa.String(254), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_sign_in_attempt_login", "sign_in_attempt", ["login", "at"])
    op.create_index("ix_sign_in_attempt_address", "sign_in_attempt", ["address", "at"])
    op.create_table(
        "team_secret",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("id = 1", name="ck_team_secret_single"),
    )
    op.create_table(
        "cohort",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("account.id"), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("length(name) > 0", name="ck_cohort_name"),
    )
    op.create_table(
        "membership",
        sa.Column(
            "cohort_id",
            sa.Integer,
            sa.ForeignKey("cohort.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("joined_at", TS, nullable=False),
        sa.CheckConstraint("role IN ('learner', 'coach')", name="ck_membership_role"),
    )
    op.create_index("ix_membership_account", "membership", ["account_id"])
    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "cohort_id",
            sa.Integer,
            sa.ForeignKey("cohort.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("selector_json", sa.Text, nullable=False),
        sa.Column("questions_json", sa.Text, nullable=False),
        sa.Column("opens_at", TS, nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("time_limit_min", sa.Integer, nullable=True),
        sa.Column("hints_allowed", sa.Boolean, nullable=False),
        sa.Column("feedback_before_end", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("account.id"), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("kind IN ('set', 'assessment')", name="ck_assignment_kind"),
        sa.CheckConstraint("due_at > opens_at", name="ck_assignment_dates"),
        sa.CheckConstraint(
            "(kind = 'assessment') = (time_limit_min IS NOT NULL)", name="ck_assignment_timed"
        ),
        sa.CheckConstraint(
            "time_limit_min IS NULL OR (time_limit_min > 0 AND time_limit_min <= 600)",
            name="ck_assignment_time_limit",
        ),
        sa.CheckConstraint("length(title) > 0", name="ck_assignment_title"),
    )
    op.create_index("ix_assignment_cohort", "assignment", ["cohort_id", "due_at"])
    op.create_table(
        "assessment",
        sa.Column(
            "assignment_id",
            sa.Integer,
            sa.ForeignKey("assignment.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "mock_id", sa.Integer, sa.ForeignKey("mock_session.id"), nullable=False, unique=True
        ),
    )
    op.create_table(
        "grade_override",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "attempt_id",
            sa.Integer,
            sa.ForeignKey("attempt.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("coach_id", sa.Integer, sa.ForeignKey("account.id"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("score >= 0 AND score <= 1", name="ck_grade_override_score"),
        sa.CheckConstraint("length(reason) > 0", name="ck_grade_override_reason"),
    )
    op.create_index("ix_grade_override_attempt", "grade_override", ["attempt_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_grade_override_attempt", table_name="grade_override")
    op.drop_table("grade_override")
    op.drop_table("assessment")
    op.drop_index("ix_assignment_cohort", table_name="assignment")
    op.drop_table("assignment")
    op.drop_index("ix_membership_account", table_name="membership")
    op.drop_table("membership")
    op.drop_table("cohort")
    op.drop_table("team_secret")
    op.drop_index("ix_sign_in_attempt_address", table_name="sign_in_attempt")
    op.drop_index("ix_sign_in_attempt_login", table_name="sign_in_attempt")
    op.drop_table("sign_in_attempt")
    op.drop_table("access_link")
    op.drop_table("web_session")
    op.drop_table("account")
