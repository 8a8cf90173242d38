"""Analyst review: decisions kept apart from machine output, the review
state and triage priority of each partnership, and indexes for the review
app's queue and browse pages.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("analyst", sa.String(120), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("undone_at", TZ),
        sa.Column("undone_by", sa.String(120)),
    )
    op.create_index("ix_decisions_target", "decisions", ["kind", "target"])
    with op.batch_alter_table("partnerships") as batch:
        batch.add_column(sa.Column("review", sa.String(12), nullable=False, server_default="pending"))
        batch.add_column(sa.Column("reviewed_by", sa.String(120)))
        batch.add_column(sa.Column("reviewed_at", TZ))
        batch.add_column(sa.Column("machine", sa.JSON))
        batch.add_column(sa.Column("priority", sa.Float, nullable=False, server_default="0"))
        batch.add_column(sa.Column("reasons", sa.JSON))
    op.create_index("ix_partnerships_queue", "partnerships", ["review", "priority", "id"])
    op.create_index("ix_partnerships_relation", "partnerships", ["relation"])
    op.create_index("ix_partnerships_status", "partnerships", ["status"])
    op.create_index("ix_partnerships_established", "partnerships", ["established"])
    op.create_index("ix_places_country", "places", ["country"])
    op.create_index("ix_partnership_mentions_mention", "partnership_mentions", ["mention_id"])


def downgrade() -> None:
    for name, table in [("ix_partnership_mentions_mention", "partnership_mentions"), ("ix_places_country", "places"),
                        ("ix_partnerships_established", "partnerships"), ("ix_partnerships_status", "partnerships"),
                        ("ix_partnerships_relation", "partnerships"), ("ix_partnerships_queue", "partnerships")]:
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("partnerships") as batch:
        for col in ("reasons", "priority", "machine", "reviewed_at", "reviewed_by", "review"):
            batch.drop_column(col)
    op.drop_table("decisions")
