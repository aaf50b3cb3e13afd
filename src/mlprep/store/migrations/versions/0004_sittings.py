"""Sittings (one FSRS review per sitting) and abandoned mock interviews.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sitting",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("mock_id", sa.Integer, sa.ForeignKey("mock_session.id"), nullable=True),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("last_at", TS, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("first_score", sa.Float, nullable=True),
        sa.Column("hints_used", sa.Integer, nullable=False),
        sa.Column("solution_seen", sa.Boolean, nullable=False),
        sa.Column("rating", sa.Integer, nullable=True),
        sa.Column("card_before_json", sa.Text, nullable=True),
        sa.Column("lapses_before", sa.Integer, nullable=False),
        sa.Column("leech_before", sa.Boolean, nullable=False),
        sa.Column("review_log_id", sa.Integer, sa.ForeignKey("review_log.id"), nullable=True),
    )
    op.create_index("ix_sitting_learner_last", "sitting", ["learner_id", "last_at"])
    with op.batch_alter_table("mock_session") as batch:
        batch.add_column(
            sa.Column("abandoned", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("mock_session") as batch:
        batch.drop_column("abandoned")
    op.drop_index("ix_sitting_learner_last", table_name="sitting")
    op.drop_table("sitting")
