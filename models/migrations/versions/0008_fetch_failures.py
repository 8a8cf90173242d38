"""Failed fetches of a URL in a row, so a crawl can give up on a URL that
keeps failing instead of asking for it forever.

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows logged before this revision start at 0: each URL gets the full
    # number of tries again.
    with op.batch_alter_table("fetch_log") as batch:
        batch.add_column(sa.Column("failures", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("fetch_log") as batch:
        batch.drop_column("failures")
