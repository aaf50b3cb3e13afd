"""Initial schema: learners, attempts, hints, reviews, mock interviews.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "learner",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "mock_session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("track", sa.String(32), nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("plan_json", sa.Text, nullable=False),
        sa.Column("scorecard_json", sa.Text, nullable=True),
    )
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(32), nullable=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("time_spent_s", sa.Float, nullable=True),
        sa.Column("hints_used", sa.Integer, nullable=False),
        sa.Column("solution_seen", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("mock_id", sa.Integer, sa.ForeignKey("mock_session.id"), nullable=True),
        sa.Column("result_json", sa.Text, nullable=True),
    )
    op.create_index("ix_attempt_learner_question", "attempt", ["learner_id", "question_id"])
    op.create_table(
        "hint_state",
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("question_id", sa.String(64), primary_key=True),
        sa.Column("revealed", sa.Integer, nullable=False),
        sa.Column("solution_seen", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "review_state",
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("question_id", sa.String(64), primary_key=True),
        sa.Column("card_json", sa.Text, nullable=False),
        sa.Column("due", TS, nullable=False),
        sa.Column("lapses", sa.Integer, nullable=False),
        sa.Column("leech", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_review_state_due", "review_state", ["due"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("reviewed_at", TS, nullable=False),
        sa.Column("attempt_id", sa.Integer, sa.ForeignKey("attempt.id"), nullable=True),
    )


def downgrade() -> None:
    for table in ("review_log", "review_state", "hint_state", "attempt", "mock_session", "learner"):
        op.drop_table(table)
