"""An index on (Taiwan side, partner) for the browse page's combined
filters (one government with one partner country).

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_partnerships_a_b", "partnerships", ["a_id", "b_id"])


def downgrade() -> None:
    op.drop_index("ix_partnerships_a_b", table_name="partnerships")
