"""Reference lists: researchers' own lists of partnerships as claims, and
each partnership's standing against them.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_lists",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
    )
    op.create_table(
        "reference_claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_name", sa.String(200), sa.ForeignKey("reference_lists.name", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("a_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("b_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("established", sa.Date),
        sa.Column("established_precision", sa.String(8)),
        sa.Column("ended", sa.Date),
        sa.Column("ended_precision", sa.String(8)),
        sa.Column("note", sa.Text),
        sa.Column("row", sa.JSON, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("list_name", "a_id", "b_id", "relation", name="uq_reference_claim"),
    )
    op.create_index("ix_reference_claims_pair", "reference_claims", ["a_id", "b_id"])
    with op.batch_alter_table("partnerships") as batch:
        batch.add_column(sa.Column("reference", sa.String(16)))
        batch.add_column(sa.Column("reference_rows", sa.JSON))
        batch.add_column(sa.Column("conflicts", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("partnerships") as batch:
        batch.drop_column("conflicts")
        batch.drop_column("reference_rows")
        batch.drop_column("reference")
    op.drop_index("ix_reference_claims_pair", "reference_claims")
    op.drop_table("reference_claims")
    op.drop_table("reference_lists")
