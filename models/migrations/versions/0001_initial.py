"""Initial schema: documents, their origins, places, mentions, partnerships.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("lang", sa.String(8)),
        sa.Column("encoding", sa.String(40)),
        sa.Column("text", sa.Text),
        sa.Column("pages", sa.JSON),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(40)),
        sa.Column("detail", sa.Text),
        sa.Column("cluster_id", sa.Integer),
        sa.Column("extractor_version", sa.String(80)),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("extracted_at", TZ),
    )
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "document_origins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("seen_at", TZ, nullable=False),
        sa.UniqueConstraint("document_id", "source", "origin", name="uq_document_origin"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("level", sa.String(40), nullable=False),
        sa.Column("admin1", sa.Text),
        sa.Column("native", sa.Text),
        sa.Column("provisional", sa.Integer, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(40), nullable=False, unique=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("a_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("b_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("a_text", sa.Text, nullable=False),
        sa.Column("b_text", sa.Text, nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_text", sa.Text),
        sa.Column("themes", sa.JSON, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor_version", sa.String(80), nullable=False),
    )
    op.create_index("ix_mentions_document", "mentions", ["document_id"])
    op.create_index("ix_mentions_pair", "mentions", ["a_id", "b_id"])
    op.create_table(
        "partnerships",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(40), nullable=False, unique=True),
        sa.Column("a_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("b_id", sa.String(80), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("established", sa.Date),
        sa.Column("established_precision", sa.String(8)),
        sa.Column("last_event", sa.String(20)),
        sa.Column("last_event_date", sa.Date),
        sa.Column("first_reported", sa.Date),
        sa.Column("last_reported", sa.Date),
        sa.Column("themes", sa.JSON, nullable=False),
        sa.Column("n_mentions", sa.Integer, nullable=False),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_partnerships_a", "partnerships", ["a_id"])
    op.create_index("ix_partnerships_b", "partnerships", ["b_id"])
    op.create_table(
        "partnership_mentions",
        sa.Column("partnership_id", sa.Integer, sa.ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    )


def downgrade() -> None:
    for name in ("partnership_mentions", "partnerships", "mentions", "places", "document_origins", "documents"):
        op.drop_table(name)
