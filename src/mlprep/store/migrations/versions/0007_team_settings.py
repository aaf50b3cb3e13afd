"""Team settings shared by every server process (the grader chosen in Settings).

Revision ID: 0007
Revises: 0006

One table of named values; nothing existing changes. A team served by several
processes (``mlprep serve --team --processes N``) must not keep a setting in one
process's memory, or half the answers would be graded by the old grader.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_setting",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("name IN ('grader')", name="ck_team_setting_name"),
    )


def downgrade() -> None:
    op.drop_table("team_setting")
