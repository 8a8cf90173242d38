"""Database tables (SQLAlchemy Core). Changes go through Alembic migrations
in ``models/migrations``; this module mirrors the latest revision."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source", String(200), nullable=False),  # the source that first brought it
    Column("origin", Text, nullable=False),  # path or URL it was read from
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("lang", String(8)),
    Column("encoding", String(40)),
    Column("text_source", String(80)),  # e.g. 'OCR (tesseract 5.3.0), 2 of 3 pages'; NULL: a text layer
    Column("text", Text),
    Column("pages", JSON),  # [[page, start, end], ...] for PDFs
    Column("status", String(20), nullable=False),  # ingested|extracted|failed|skipped
    Column("reason", String(40)),  # stable code of a failure
    Column("detail", Text),  # the human sentence for it
    Column("cluster_id", Integer),  # near-duplicate group: id of its first document
    Column("extractor_version", String(80)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_at", DateTime(timezone=True)),
)
Index("ix_documents_status", documents.c.status)

document_origins = Table(
    "document_origins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(200), nullable=False),
    Column("origin", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "source", "origin", name="uq_document_origin"),
)

places = Table(
    "places",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(2), nullable=False),
    Column("level", String(40), nullable=False),
    Column("admin1", Text),
    Column("native", Text),
    Column("provisional", Integer, nullable=False, default=0),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    # Deterministic: document, pair, relation, event and evidence offsets.
    Column("key", String(40), nullable=False, unique=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("a_id", String(80), ForeignKey("places.id"), nullable=False),
    Column("b_id", String(80), ForeignKey("places.id"), nullable=False),
    Column("a_text", Text, nullable=False),
    Column("b_text", Text, nullable=False),
    Column("relation", String(20), nullable=False),
    Column("event", String(20), nullable=False),
    Column("event_date", Date),  # when it happened (first day of the period)
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("themes", JSON, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("page", Integer),
    Column("confidence", Float, nullable=False),
    Column("extractor_version", String(80), nullable=False),
)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_pair", mentions.c.a_id, mentions.c.b_id)

partnerships = Table(
    "partnerships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(40), nullable=False, unique=True),  # from the place ids and relation
    Column("a_id", String(80), ForeignKey("places.id"), nullable=False),
    Column("b_id", String(80), ForeignKey("places.id"), nullable=False),
    Column("relation", String(20), nullable=False),
    Column("status", String(20), nullable=False),  # proposed|active|terminated
    Column("established", Date),  # earliest date an establishment happened
    Column("established_precision", String(8)),
    Column("last_event", String(20)),
    Column("last_event_date", Date),
    Column("first_reported", Date),  # earliest publication date of a source
    Column("last_reported", Date),
    Column("themes", JSON, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),  # independent: near-copies count once
    Column("confidence", Float, nullable=False),
    # Analyst review, applied on top of the machine's values at every dedupe.
    Column("review", String(12), nullable=False, server_default="pending"),  # pending|accepted|edited|rejected
    Column("reviewed_by", String(120)),
    Column("reviewed_at", DateTime(timezone=True)),
    Column("machine", JSON),  # the machine's values of fields an analyst edited
    Column("priority", Float, nullable=False, server_default="0"),  # review queue order, highest first
    Column("reasons", JSON),  # why a human should look: low_confidence, date_conflict, ...
    # Against the reference lists (NULL while none is imported):
    # confirmed|text_only|reference_only|conflict, the list rows behind it,
    # and each difference with both values (and how an analyst settled it).
    Column("reference", String(16)),
    Column("reference_rows", JSON),  # [{"list": name, "line": n}, ...]
    Column("conflicts", JSON),  # [{"field", "list", "line", "text", "reference", "resolution"?}, ...]
)
Index("ix_partnerships_a", partnerships.c.a_id)
Index("ix_partnerships_b", partnerships.c.b_id)
Index("ix_partnerships_queue", partnerships.c.review, partnerships.c.priority, partnerships.c.id)
Index("ix_partnerships_a_b", partnerships.c.a_id, partnerships.c.b_id)
Index("ix_partnerships_relation", partnerships.c.relation)
Index("ix_partnerships_status", partnerships.c.status)
Index("ix_partnerships_established", partnerships.c.established)

partnership_mentions = Table(
    "partnership_mentions",
    metadata,
    Column("partnership_id", Integer, ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),  # canonical form
    Column("source", String(200), nullable=False),
    Column("status", Integer),  # last HTTP status
    Column("etag", Text),
    Column("last_modified", Text),
    Column("sha256", String(64)),  # content of the last successful fetch
    Column("refused", String(40)),  # reason code of the last refusal
    Column("detail", Text),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    # Failed fetches in a row, reset by a success: past fetch_max_failures
    # the crawler stops asking (compared with the setting at each crawl).
    Column("failures", Integer, nullable=False, server_default="0"),
)

# A crawl of one source; finished_at is NULL while it runs or after it died,
# and the next crawl of that source resumes it.
crawl_runs = Table(
    "crawl_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(200), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("fetched", Integer, nullable=False, server_default="0"),
    Column("new", Integer, nullable=False, server_default="0"),
    Column("unchanged", Integer, nullable=False, server_default="0"),
    Column("refused", Integer, nullable=False, server_default="0"),
)
Index("ix_crawl_runs_source", crawl_runs.c.source, crawl_runs.c.finished_at)

# What a run still has to fetch (entry pages: feed, sitemap, listing page;
# then documents); rows are dropped when the run finishes.
crawl_frontier = Table(
    "crawl_frontier",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("crawl_runs.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # feed|sitemap|listing|document
    Column("depth", Integer, nullable=False, server_default="0"),
    Column("title", Text),
    Column("state", String(12), nullable=False, server_default="pending"),  # pending|done
    UniqueConstraint("run_id", "url", name="uq_crawl_frontier_run_url"),
)
Index("ix_crawl_frontier_pending", crawl_frontier.c.run_id, crawl_frontier.c.state)

# Researchers' own lists of partnerships (a spreadsheet, a Wikidata query
# result, a city's table), imported as claims apart from text mentions.
reference_lists = Table(
    "reference_lists",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("origin", Text, nullable=False),  # the file it was read from
    Column("sha256", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("problems", JSON, nullable=False),  # [{"line", "reason", "detail"}, ...] rows not taken
)

reference_claims = Table(
    "reference_claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("list_name", String(200), ForeignKey("reference_lists.name", ondelete="CASCADE"), nullable=False),
    Column("line", Integer, nullable=False),  # row number as a spreadsheet shows it
    Column("a_id", String(80), ForeignKey("places.id"), nullable=False),  # the Taiwanese side
    Column("b_id", String(80), ForeignKey("places.id"), nullable=False),
    Column("relation", String(20), nullable=False),
    Column("established", Date),
    Column("established_precision", String(8)),
    Column("ended", Date),
    Column("ended_precision", String(8)),
    Column("note", Text),
    Column("row", JSON, nullable=False),  # the row as read, for provenance
    Column("imported_at", DateTime(timezone=True), nullable=False),  # when this claim last changed
    UniqueConstraint("list_name", "a_id", "b_id", "relation", name="uq_reference_claim"),
)
Index("ix_reference_claims_pair", reference_claims.c.a_id, reference_claims.c.b_id)

# Analyst decisions, kept apart from machine output and never touched by a
# pipeline run. kind=partnership: target is a partnership key, action
# accept|reject|edit (changes: field -> value). kind=place: target is a place
# id, action merge (changes: {"into": place id}). Undo sets undone_at.
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("target", String(80), nullable=False),
    Column("action", String(20), nullable=False),
    Column("changes", JSON, nullable=False),
    Column("before", JSON, nullable=False),
    Column("analyst", String(120), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
    Column("undone_by", String(120)),
)
Index("ix_decisions_target", decisions.c.kind, decisions.c.target)
Index("ix_places_country", places.c.country)
Index("ix_partnership_mentions_mention", partnership_mentions.c.mention_id)
