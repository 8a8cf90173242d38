"""Typed rows that travel between the store, dedupe and the review app,
their deterministic keys, and how they become column values."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from models.records import Mention, Place


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def mention_key(sha256: str, m: Mention) -> str:
    parts = [sha256, *sorted([m.a.id, m.b.id]), m.relation, m.event, str(m.evidence.start)]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def partnership_key(a_id: str, b_id: str, relation: str) -> str:
    return hashlib.sha1("|".join([*sorted([a_id, b_id]), relation]).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredMention:
    """A mention as dedupe needs it, with its document's context."""

    id: int
    document_id: int
    cluster_id: int
    published: dt.date | None
    a_id: str
    b_id: str
    relation: str
    event: str
    event_date: dt.date | None
    date_precision: str | None
    themes: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class FrontierItem:
    """A link a crawl run has to fetch: an entry page or a document."""

    url: str  # canonical
    kind: str  # feed|sitemap|listing|document
    depth: int = 0  # listing page number or sitemap nesting, from 0
    title: str = ""
    id: int | None = None  # set once stored


@dataclass(frozen=True, slots=True)
class PartnershipRow:
    key: str
    a_id: str
    b_id: str
    relation: str
    status: str
    established: dt.date | None
    established_precision: str | None
    last_event: str | None
    last_event_date: dt.date | None
    first_reported: dt.date | None
    last_reported: dt.date | None
    themes: tuple[str, ...]
    n_mentions: int
    n_documents: int
    n_sources: int
    confidence: float
    mention_ids: tuple[int, ...]
    # Set by extractors.decisions: the analyst's review and the queue order.
    review: str = "pending"
    reviewed_by: str | None = None
    reviewed_at: dt.datetime | None = None
    machine: dict | None = None
    priority: float = 0.0
    reasons: tuple[str, ...] = ()
    # Set by extractors.reconcile: standing against the reference lists.
    reference: str | None = None  # confirmed|text_only|reference_only|conflict; None: no lists
    reference_rows: tuple[dict, ...] = ()  # {"list", "line"} of each claim behind the row
    conflicts: tuple[dict, ...] = ()  # {"field", "list", "line", "text", "reference", "resolution"?}


@dataclass(frozen=True, slots=True)
class ReferenceClaim:
    """One row of a researcher's reference list, resolved to places."""

    list_name: str
    line: int  # the row as a spreadsheet numbers it (header = 1)
    a_id: str  # the Taiwanese side
    b_id: str
    relation: str
    established: dt.date | None = None
    established_precision: str | None = None
    ended: dt.date | None = None
    ended_precision: str | None = None
    note: str | None = None
    row: dict | None = None  # the cells as read


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A reference-list row that was not taken, and why."""

    line: int
    reason: str  # stable code: unresolved_place, ambiguous_place, not_taiwan, bad_date, ...
    detail: str


def place_values(p: Place) -> dict:
    return dict(id=p.id, name=p.name, country=p.country, level=p.level.value, admin1=p.admin1,
                native=p.native, provisional=int(p.provisional))


def same(old, new) -> bool:
    """Equal as stored: SQLite gives datetimes back without their zone."""
    if isinstance(old, dt.datetime) and isinstance(new, dt.datetime):
        def utc(x: dt.datetime) -> dt.datetime:
            return x.astimezone(dt.UTC).replace(tzinfo=None) if x.tzinfo else x
        return utc(old) == utc(new)
    return old == new


def partnership_values(r: PartnershipRow) -> dict:
    return dict(key=r.key, a_id=r.a_id, b_id=r.b_id, relation=r.relation, status=r.status,
                established=r.established, established_precision=r.established_precision,
                last_event=r.last_event, last_event_date=r.last_event_date,
                first_reported=r.first_reported, last_reported=r.last_reported, themes=list(r.themes),
                n_mentions=r.n_mentions, n_documents=r.n_documents, n_sources=r.n_sources,
                confidence=round(r.confidence, 4), review=r.review, reviewed_by=r.reviewed_by,
                reviewed_at=r.reviewed_at, machine=r.machine, priority=r.priority, reasons=list(r.reasons),
                reference=r.reference, reference_rows=list(r.reference_rows) or None,
                conflicts=list(r.conflicts) or None)
