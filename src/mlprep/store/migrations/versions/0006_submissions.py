"""Submissions judged and graded by workers over a queue (docs/judge-workers.md).

Revision ID: 0006
Revises: 0005

One table; nothing existing changes. The queue's own tables (Procrastinate's) are
not here: ``mlprep worker`` installs them on PostgreSQL, from the pinned version.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "submission",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=True),
        sa.Column("custom_args", sa.Text, nullable=True),
        sa.Column("grader", sa.String(32), nullable=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("mock_id", sa.Integer, sa.ForeignKey("mock_session.id"), nullable=True),
        sa.Column("time_spent_s", sa.Float, nullable=True),
        sa.Column("dedupe_key", sa.String(128), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("tries", sa.Integer, nullable=False),
        sa.Column("worker", sa.String(200), nullable=True),
        sa.Column("job_id", sa.BigInteger, nullable=True),
        sa.Column("result_json", sa.Text, nullable=True),
        sa.Column("verdict", sa.String(32), nullable=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column(
            "attempt_id", sa.Integer, sa.ForeignKey("attempt.id"), nullable=True, unique=True
        ),
        sa.Column("growth_state", sa.String(16), nullable=False),
        sa.Column("growth_json", sa.Text, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("started_at", TS, nullable=True),
        sa.Column("finished_at", TS, nullable=True),
        sa.CheckConstraint("kind IN ('judge', 'grade')", name="ck_submission_kind"),
        sa.CheckConstraint("mode IN ('submit', 'run')", name="ck_submission_mode"),
        sa.CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name="ck_submission_state"
        ),
        sa.CheckConstraint("tries >= 0", name="ck_submission_tries"),
        sa.CheckConstraint(
            "(state = 'done') = (result_json IS NOT NULL)", name="ck_submission_result"
        ),
        sa.UniqueConstraint("learner_id", "dedupe_key", name="uq_submission_dedupe"),
    )
    op.create_index("ix_submission_state", "submission", ["state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_submission_state", table_name="submission")
    op.drop_table("submission")
