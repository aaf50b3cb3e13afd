"""The learner's own rating of a written sitting (``mlprep rate``).

Revision ID: 0008
Revises: 0007

One nullable column; nothing existing changes. A written answer's grade is a reading
of the text, and a reading can be wrong: after the feedback and the model answer the
learner may rate the sitting themselves, and that rating, not the grade's band, is
what the review schedule gets (docs/practice.md).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sitting") as batch:
        batch.add_column(sa.Column("self_rating", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sitting") as batch:
        batch.drop_column("self_rating")
