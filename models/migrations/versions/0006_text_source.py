"""Where a document's text came from when it was not a text layer: the OCR
engine that read a scanned PDF, and how many of its pages.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("text_source", sa.String(80)))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("text_source")
