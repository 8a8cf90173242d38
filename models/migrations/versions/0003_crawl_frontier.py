"""Crawl runs and their frontier, so a crawl killed halfway resumes.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("fetched", sa.Integer, nullable=False, server_default="0"),
        sa.Column("new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("unchanged", sa.Integer, nullable=False, server_default="0"),
        sa.Column("refused", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_crawl_runs_source", "crawl_runs", ["source", "finished_at"])
    op.create_table(
        "crawl_frontier",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("crawl_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("depth", sa.Integer, nullable=False, server_default="0"),
        sa.Column("title", sa.Text),
        sa.Column("state", sa.String(12), nullable=False, server_default="pending"),
        sa.UniqueConstraint("run_id", "url", name="uq_crawl_frontier_run_url"),
    )
    op.create_index("ix_crawl_frontier_pending", "crawl_frontier", ["run_id", "state"])


def downgrade() -> None:
    op.drop_table("crawl_frontier")
    op.drop_table("crawl_runs")
