"""The store: owns every SQL statement citypairs runs.

SQLite by default, any SQLAlchemy URL otherwise. Opening a store brings the
schema to the latest Alembic revision. Every write is an idempotent upsert
keyed on something deterministic (a content hash or a derived key), in one
transaction per batch, so a failed batch leaves what was stored untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Integer, create_engine, delete, event, func, insert, select, update

from models import schema as t
from models.records import (
    DocumentInput,
    DocumentStatus,
    Mention,
    PageSpan,
    ParsedDocument,
    Place,
)

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATE_LOCK = threading.Lock()


def _now() -> dt.datetime:
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


class Store:
    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///") and ":memory:" not in url:
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        # Alembic keeps its context in module globals: one migration at a
        # time per process (crawl tasks open stores on several threads).
        with _MIGRATE_LOCK, self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # -- documents -------------------------------------------------------
    def find_document(self, sha256: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.documents.c.id).where(t.documents.c.sha256 == sha256))

    def add_document(self, source: str, origin: str, size: int, parsed: ParsedDocument) -> tuple[int, bool]:
        """Store a parsed document once; returns (id, created)."""
        values = dict(
            sha256=parsed.sha256, source=source, origin=origin, media_type=parsed.media_type,
            size=size, title=parsed.title, published=parsed.published, lang=parsed.lang,
            encoding=parsed.encoding, text=parsed.text,
            pages=[[p.page, p.start, p.end] for p in parsed.pages] or None,
            status=DocumentStatus.INGESTED.value,
        )
        return self._add(values, source, origin)

    def add_rejected(self, source: str, origin: str, sha256: str, size: int, media_type: str,
                     status: DocumentStatus, reason: str, detail: str) -> tuple[int, bool]:
        values = dict(sha256=sha256, source=source, origin=origin, media_type=media_type, size=size,
                      status=status.value, reason=reason, detail=detail)
        return self._add(values, source, origin)

    def add_origin(self, sha256: str, source: str, origin: str) -> None:
        """Note that known bytes were also found at another place."""
        with self.engine.begin() as conn:
            doc_id = conn.scalar(select(t.documents.c.id).where(t.documents.c.sha256 == sha256))
            if doc_id is not None:
                self._note_origin(conn, doc_id, source, origin)

    def _add(self, values: dict, source: str, origin: str) -> tuple[int, bool]:
        with self.engine.begin() as conn:
            return self._add_in(conn, values, source, origin)

    def _add_in(self, conn, values: dict, source: str, origin: str) -> tuple[int, bool]:
        doc_id = conn.scalar(select(t.documents.c.id).where(t.documents.c.sha256 == values["sha256"]))
        created = doc_id is None
        if created:
            doc_id = conn.execute(insert(t.documents).values(**values, ingested_at=_now())).inserted_primary_key[0]
        self._note_origin(conn, doc_id, source, origin)
        return doc_id, created

    def add_crawled(self, source: str, url: str, size: int, parsed: ParsedDocument, *, status: int | None,
                    etag: str | None, last_modified: str | None, frontier_id: int | None) -> bool:
        """A fetched document, its fetch-log row and its frontier item done,
        in one transaction: a crawl killed at any point either has all three
        or none, so a resumed run neither loses nor refetches it. Returns
        whether the bytes were new."""
        values = dict(
            sha256=parsed.sha256, source=source, origin=url, media_type=parsed.media_type, size=size,
            title=parsed.title, published=parsed.published, lang=parsed.lang, encoding=parsed.encoding,
            text=parsed.text, pages=[[p.page, p.start, p.end] for p in parsed.pages] or None,
            status=DocumentStatus.INGESTED.value,
        )
        with self.engine.begin() as conn:
            _, created = self._add_in(conn, values, source, url)
            self._record_fetch_in(conn, url, source, status=status, etag=etag, last_modified=last_modified,
                                  sha256=parsed.sha256)
            if frontier_id is not None:
                conn.execute(update(t.crawl_frontier).where(t.crawl_frontier.c.id == frontier_id)
                             .values(state="done"))
        return created

    @staticmethod
    def _note_origin(conn, doc_id: int, source: str, origin: str) -> None:
        c = t.document_origins.c
        seen = conn.scalar(select(c.id).where(c.document_id == doc_id, c.source == source, c.origin == origin))
        if seen is None:
            conn.execute(insert(t.document_origins).values(
                document_id=doc_id, source=source, origin=origin, seen_at=_now()))

    def documents_to_extract(self, version: str, *, force: bool = False) -> list[int]:
        """Readable documents not yet extracted by this extractor version."""
        c = t.documents.c
        query = select(c.id).where(c.status.in_([DocumentStatus.INGESTED.value, DocumentStatus.EXTRACTED.value]))
        if not force:
            query = query.where((c.extractor_version.is_(None)) | (c.extractor_version != version))
        with self.engine.connect() as conn:
            return list(conn.scalars(query.order_by(c.id)))

    def load_inputs(self, ids: Sequence[int]) -> list[DocumentInput]:
        c = t.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.id, c.text, c.published, c.lang, c.pages).where(c.id.in_(ids)).order_by(c.id))
            return [
                DocumentInput(key=str(r.id), text=r.text or "", published=r.published, lang=r.lang or "en",
                              pages=tuple(PageSpan(page=p, start=s, end=e) for p, s, e in (r.pages or [])))
                for r in rows
            ]

    def document_texts(self) -> Iterator[tuple[int, str]]:
        c = t.documents.c
        with self.engine.connect() as conn:
            yield from conn.execute(select(c.id, c.text).where(c.text.is_not(None)).order_by(c.id))

    def set_clusters(self, clusters: dict[int, int]) -> None:
        with self.engine.begin() as conn:
            current = dict(conn.execute(select(t.documents.c.id, t.documents.c.cluster_id)).all())
            for doc_id, cluster in clusters.items():
                if current.get(doc_id) != cluster:
                    conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(cluster_id=cluster))

    # -- the fetch log ------------------------------------------------------
    def fetch_state(self, url: str) -> dict | None:
        """What the last fetch of a canonical URL left: etag, last_modified, sha256."""
        f = t.fetch_log.c
        with self.engine.connect() as conn:
            row = conn.execute(select(f.etag, f.last_modified, f.sha256, f.refused).where(f.url == url)).first()
            return dict(row._mapping) if row else None

    def record_fetch(self, url: str, source: str, *, status: int | None, etag: str | None = None,
                     last_modified: str | None = None, sha256: str | None = None,
                     refused: str | None = None, detail: str | None = None) -> None:
        """Upsert the fetch log row of a URL; a 304 keeps the content hash it had."""
        with self.engine.begin() as conn:
            self._record_fetch_in(conn, url, source, status=status, etag=etag, last_modified=last_modified,
                                  sha256=sha256, refused=refused, detail=detail)

    @staticmethod
    def _record_fetch_in(conn, url: str, source: str, *, status: int | None, etag: str | None = None,
                         last_modified: str | None = None, sha256: str | None = None,
                         refused: str | None = None, detail: str | None = None) -> None:
        f = t.fetch_log.c
        values = dict(source=source, status=status, refused=refused, detail=detail, fetched_at=_now())
        if refused is None:
            values.update(etag=etag, last_modified=last_modified)
            if sha256:
                values["sha256"] = sha256
        if conn.scalar(select(f.id).where(f.url == url)) is None:
            conn.execute(insert(t.fetch_log).values(url=url, **values))
        else:
            conn.execute(update(t.fetch_log).where(f.url == url).values(**values))

    # -- crawl runs and their frontier ----------------------------------------
    def open_crawl_run(self, source: str, entry_url: str, entry_kind: str) -> tuple[int, bool]:
        """The unfinished run of a source if one died, else a new run whose
        frontier holds the entry page; returns (run id, resumed)."""
        r = t.crawl_runs.c
        with self.engine.begin() as conn:
            run_id = conn.scalar(select(r.id).where(r.source == source, r.finished_at.is_(None))
                                 .order_by(r.id.desc()).limit(1))
            if run_id is not None:
                return run_id, True
            run_id = conn.execute(insert(t.crawl_runs).values(source=source, started_at=_now())
                                  ).inserted_primary_key[0]
            conn.execute(insert(t.crawl_frontier).values(run_id=run_id, url=entry_url, kind=entry_kind, depth=0))
            return run_id, False

    def enqueue(self, run_id: int, items: Sequence[FrontierItem]) -> int:
        """Add links a run has not seen yet (pending or done); returns how many."""
        f = t.crawl_frontier.c
        fresh, seen = [], set()
        with self.engine.begin() as conn:
            for start in range(0, len(items), 500):
                chunk = items[start:start + 500]
                seen |= set(conn.scalars(select(f.url).where(f.run_id == run_id,
                                                              f.url.in_([i.url for i in chunk]))))
            for item in items:
                if item.url not in seen:
                    seen.add(item.url)
                    fresh.append(dict(run_id=run_id, url=item.url, kind=item.kind, depth=item.depth,
                                      title=item.title or None))
            if fresh:
                conn.execute(insert(t.crawl_frontier), fresh)
        return len(fresh)

    def pending(self, run_id: int, limit: int) -> list[FrontierItem]:
        """The next links of a run, entry pages (feeds, sitemaps, listing
        pages) before documents, each in the order found."""
        f = t.crawl_frontier.c
        documents_last = (f.kind == "document").cast(Integer)
        query = (select(f.id, f.url, f.kind, f.depth, f.title).where(f.run_id == run_id, f.state == "pending")
                 .order_by(documents_last, f.id).limit(limit))
        with self.engine.connect() as conn:
            return [FrontierItem(r.url, r.kind, r.depth, r.title or "", r.id) for r in conn.execute(query)]

    def taken(self, run_id: int) -> int:
        """Documents a run has queued so far (pending or done)."""
        f = t.crawl_frontier.c
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.crawl_frontier)
                               .where(f.run_id == run_id, f.kind == "document"))

    def mark_done(self, item_ids: Sequence[int]) -> None:
        if item_ids:
            with self.engine.begin() as conn:
                conn.execute(update(t.crawl_frontier).where(t.crawl_frontier.c.id.in_(list(item_ids)))
                             .values(state="done"))

    def finish_crawl_run(self, run_id: int, *, fetched: int, new: int, unchanged: int, refused: int) -> None:
        """Close a run with its counts and drop its frontier."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.crawl_frontier).where(t.crawl_frontier.c.run_id == run_id))
            conn.execute(update(t.crawl_runs).where(t.crawl_runs.c.id == run_id).values(
                finished_at=_now(), fetched=fetched, new=new, unchanged=unchanged, refused=refused))

    def crawl_runs(self, source: str | None = None) -> list[dict]:
        r = t.crawl_runs.c
        query = select(t.crawl_runs).order_by(r.id)
        if source:
            query = query.where(r.source == source)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of these canonical URLs have been fetched before."""
        f = t.fetch_log.c
        found: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(urls), 500):
                found |= set(conn.scalars(select(f.url).where(f.url.in_(list(urls[start:start + 500])))))
        return found

    # -- mentions ---------------------------------------------------------
    def replace_mentions(self, results: Iterable[tuple[int, Sequence[Mention]]], version: str) -> int:
        """Replace the mentions of each document by a new extraction, in one
        transaction; returns the number stored."""
        stored = 0
        with self.engine.begin() as conn:
            known = set(conn.scalars(select(t.places.c.id)))
            for doc_id, found in results:
                sha = conn.scalar(select(t.documents.c.sha256).where(t.documents.c.id == doc_id))
                conn.execute(delete(t.mentions).where(t.mentions.c.document_id == doc_id))
                rows, seen = [], set()
                for m in found:
                    for place in (m.a, m.b):
                        if place.id not in known:
                            conn.execute(insert(t.places).values(**_place_values(place)))
                            known.add(place.id)
                    key = mention_key(sha, m)
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append(_mention_values(key, doc_id, m, version))
                if rows:
                    conn.execute(insert(t.mentions), rows)
                stored += len(rows)
                conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(
                    status=DocumentStatus.EXTRACTED.value, extractor_version=version, extracted_at=_now()))
        return stored

    def mentions_for_dedupe(self, min_confidence: float) -> list[StoredMention]:
        m, d = t.mentions.c, t.documents.c
        query = (select(m.id, m.document_id, d.cluster_id, d.published, m.a_id, m.b_id, m.relation, m.event,
                        m.event_date, m.date_precision, m.themes, m.confidence)
                 .join(t.documents, d.id == m.document_id)
                 .where(m.confidence >= min_confidence).order_by(m.id))
        with self.engine.connect() as conn:
            return [StoredMention(r.id, r.document_id, r.cluster_id or r.document_id, r.published, r.a_id, r.b_id,
                                  r.relation, r.event, r.event_date, r.date_precision, tuple(r.themes or ()),
                                  r.confidence) for r in conn.execute(query)]

    # -- partnerships -----------------------------------------------------
    def sync_partnerships(self, rows: Sequence[PartnershipRow]) -> dict[str, int]:
        """Make the canonical table equal to ``rows``: update what changed,
        insert what is new, delete what no mention supports any more."""
        counts = {"inserted": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        p = t.partnerships.c
        with self.engine.begin() as conn:
            existing = {r.key: r for r in conn.execute(select(t.partnerships))}
            links = {}
            for pid, mid in conn.execute(select(t.partnership_mentions)):
                links.setdefault(pid, set()).add(mid)
            wanted = {r.key for r in rows}
            for row in rows:
                values = _partnership_values(row)
                old = existing.get(row.key)
                if old is None:
                    pid = conn.execute(insert(t.partnerships).values(**values)).inserted_primary_key[0]
                    counts["inserted"] += 1
                    have: set[int] = set()
                else:
                    pid = old.id
                    have = links.get(pid, set())
                    if any(not _same(getattr(old, k), v) for k, v in values.items()):
                        conn.execute(update(t.partnerships).where(p.id == pid).values(**values))
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
                want = set(row.mention_ids)
                if want - have:
                    conn.execute(insert(t.partnership_mentions),
                                 [{"partnership_id": pid, "mention_id": mid} for mid in sorted(want - have)])
                if have - want:
                    conn.execute(delete(t.partnership_mentions).where(
                        t.partnership_mentions.c.partnership_id == pid,
                        t.partnership_mentions.c.mention_id.in_(have - want)))
            # A row no mention supports any more goes, unless an analyst
            # accepted or edited it: a new model does not undo a decision.
            gone = [r.id for k, r in existing.items() if k not in wanted and r.review not in ("accepted", "edited")]
            if gone:
                conn.execute(delete(t.partnership_mentions).where(t.partnership_mentions.c.partnership_id.in_(gone)))
                conn.execute(delete(t.partnerships).where(p.id.in_(gone)))
                counts["deleted"] = len(gone)
        return counts

    # -- analyst decisions ----------------------------------------------------
    def add_decision(self, kind: str, target: str, action: str, changes: dict, before: dict, analyst: str) -> int:
        with self.engine.begin() as conn:
            return conn.execute(insert(t.decisions).values(
                kind=kind, target=target, action=action, changes=changes, before=before, analyst=analyst,
                created_at=_now())).inserted_primary_key[0]

    def undo_decision(self, decision_id: int, analyst: str) -> dict | None:
        """Mark a decision undone; returns it, or None if there is no such active decision."""
        d = t.decisions.c
        with self.engine.begin() as conn:
            row = conn.execute(select(t.decisions).where(d.id == decision_id, d.undone_at.is_(None))).first()
            if row is None:
                return None
            conn.execute(update(t.decisions).where(d.id == decision_id).values(undone_at=_now(), undone_by=analyst))
            return dict(row._mapping)

    def decisions(self, *, kind: str | None = None, target: str | None = None, active: bool = True) -> list[dict]:
        d = t.decisions.c
        query = select(t.decisions).order_by(d.id)
        if kind:
            query = query.where(d.kind == kind)
        if target:
            query = query.where(d.target == target)
        if active:
            query = query.where(d.undone_at.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def last_decision(self, analyst: str | None = None) -> dict | None:
        """The latest active decision (of one analyst), for undo."""
        d = t.decisions.c
        query = select(t.decisions).where(d.undone_at.is_(None)).order_by(d.id.desc()).limit(1)
        if analyst:
            query = query.where(d.analyst == analyst)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
            return dict(row._mapping) if row else None

    def partnership_row_key(self, partnership_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.partnerships.c.key).where(t.partnerships.c.id == partnership_id))

    def partnership_row(self, key: str) -> PartnershipRow | None:
        """A stored partnership with the machine's values restored where an
        analyst edited them, ready to have its decisions folded over again."""
        p = t.partnerships.c
        with self.engine.connect() as conn:
            r = conn.execute(select(t.partnerships).where(p.key == key)).first()
            if r is None:
                return None
            mids = tuple(conn.scalars(select(t.partnership_mentions.c.mention_id)
                                      .where(t.partnership_mentions.c.partnership_id == r.id)))
        values = dict(r._mapping)
        for field, value in (values.get("machine") or {}).items():
            values[field] = dt.date.fromisoformat(value) if field == "established" and value else value
        return PartnershipRow(
            key=r.key, a_id=values["a_id"], b_id=values["b_id"], relation=values["relation"],
            status=values["status"], established=values["established"],
            established_precision=values["established_precision"], last_event=r.last_event,
            last_event_date=r.last_event_date, first_reported=r.first_reported, last_reported=r.last_reported,
            themes=tuple(values["themes"] or ()), n_mentions=r.n_mentions, n_documents=r.n_documents,
            n_sources=r.n_sources, confidence=r.confidence, mention_ids=mids, reasons=tuple(r.reasons or ()))

    def save_review(self, row: PartnershipRow) -> None:
        """Write a row's reviewed values (fields, review state, priority) in place."""
        values = _partnership_values(row)
        with self.engine.begin() as conn:
            conn.execute(update(t.partnerships).where(t.partnerships.c.key == row.key).values(**values))

    def remap_place(self, source: str, into: str) -> int:
        """Point partnerships at the place another was merged into, until the
        next dedupe merges their mentions; the old id is kept as the
        machine's value so an undo can restore it. Returns rows changed."""
        return self._repoint(source, into, undo=False)

    def unmap_place(self, source: str, into: str) -> int:
        """Undo :meth:`remap_place` for the rows it changed."""
        return self._repoint(source, into, undo=True)

    def _repoint(self, source: str, into: str, *, undo: bool) -> int:
        p = t.partnerships.c
        changed = 0
        with self.engine.begin() as conn:
            rows = conn.execute(select(p.id, p.a_id, p.b_id, p.machine).where(
                (p.a_id == (into if undo else source)) | (p.b_id == (into if undo else source)))).all()
            for r in rows:
                machine, values = dict(r.machine or {}), {}
                for side in ("a_id", "b_id"):
                    if not undo and getattr(r, side) == source:
                        machine.setdefault(side, source)
                        values[side] = into
                    elif undo and getattr(r, side) == into and machine.get(side) == source:
                        values[side] = machine.pop(side)
                if values:
                    conn.execute(update(t.partnerships).where(p.id == r.id).values(**values, machine=machine or None))
                    changed += 1
        return changed

    def provisional_places(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.scalars(select(t.places.c.id).where(t.places.c.provisional == 1)))

    def add_place(self, place: Place) -> None:
        with self.engine.begin() as conn:
            if conn.scalar(select(t.places.c.id).where(t.places.c.id == place.id)) is None:
                conn.execute(insert(t.places).values(**_place_values(place)))

    def place(self, place_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.places).where(t.places.c.id == place_id)).first()
            return dict(row._mapping) if row else None

    def partnership_snapshot(self) -> dict[str, tuple]:
        """Each partnership's key with what a reader would call a change:
        both names, relation, status and date established."""
        p = t.partnerships.c
        a, b = t.places.alias("a"), t.places.alias("b")
        query = (select(p.key, a.c.name, b.c.name, p.relation, p.status, p.established)
                 .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id))
        with self.engine.connect() as conn:
            return {r[0]: tuple(r[1:]) for r in conn.execute(query)}

    def partnerships_query(self, *, rejected: bool = False):
        """The canonical table with both places' names, for export; rows an
        analyst rejected are left out unless asked for."""
        p = t.partnerships.c
        a, b = t.places.alias("a"), t.places.alias("b")
        query = (select(
            p.id, a.c.name.label("a"), a.c.country.label("a_country"), a.c.level.label("a_level"),
            b.c.name.label("b"), b.c.country.label("b_country"), b.c.level.label("b_level"),
            b.c.admin1.label("b_admin1"), p.relation, p.status, p.established, p.established_precision,
            p.last_event, p.last_event_date, p.first_reported, p.last_reported, p.themes, p.n_sources,
            p.n_documents, p.n_mentions, p.confidence, p.review, p.reviewed_by, p.a_id, p.b_id)
            .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id).order_by(a.c.name, b.c.name, p.relation))
        return query if rejected else query.where(p.review != "rejected")

    def partnerships_frame(self):
        """The canonical table as a pandas DataFrame, with its sources."""
        import pandas as pd

        rows = self.partnerships()
        frame = pd.DataFrame(rows, columns=[c.name for c in self.partnerships_query().selected_columns])
        frame["themes"] = frame["themes"].map(lambda v: list(v or []))
        for col in ("established", "last_event_date", "first_reported", "last_reported"):
            frame[col] = frame[col].map(lambda d: d.isoformat() if d else None)
        return frame

    def partnerships(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(self.partnerships_query())]

    def partnership_sources(self, partnership_id: int) -> list[dict]:
        pm, m, d = t.partnership_mentions.c, t.mentions.c, t.documents.c
        query = (select(d.id.label("document_id"), d.origin, d.title, d.published, m.event, m.evidence, m.page)
                 .join(t.mentions, m.id == pm.mention_id).join(t.documents, d.id == m.document_id)
                 .where(pm.partnership_id == partnership_id).order_by(d.id, m.evidence_start))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        d = t.documents.c
        with self.engine.connect() as conn:
            out = {f"documents_{s}": n for s, n in conn.execute(select(d.status, func.count()).group_by(d.status))}
            out["mentions"] = conn.scalar(select(func.count()).select_from(t.mentions))
            out["partnerships"] = conn.scalar(select(func.count()).select_from(t.partnerships))
            return out

    def failures(self) -> list[dict]:
        d = t.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.origin, d.status, d.reason, d.detail)
                                .where(d.status.in_(["failed", "skipped"])).order_by(d.id))
            return [dict(r._mapping) for r in rows]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _place_values(p: Place) -> dict:
    return dict(id=p.id, name=p.name, country=p.country, level=p.level.value, admin1=p.admin1,
                native=p.native, provisional=int(p.provisional))


def _mention_values(key: str, doc_id: int, m: Mention, version: str) -> dict:
    return dict(
        key=key, document_id=doc_id, a_id=m.a.id, b_id=m.b.id, a_text=m.a_text, b_text=m.b_text,
        relation=m.relation.value, event=m.event.value,
        event_date=m.date.value if m.date else None,
        date_precision=m.date.precision.value if m.date else None,
        date_text=m.date.text if m.date else None,
        themes=[th.value for th in m.themes], evidence=m.evidence.text,
        evidence_start=m.evidence.start, evidence_end=m.evidence.end, page=m.evidence.page,
        confidence=round(m.confidence, 4), extractor_version=version,
    )


def _same(old, new) -> bool:
    """Equal as stored: SQLite gives datetimes back without their zone."""
    if isinstance(old, dt.datetime) and isinstance(new, dt.datetime):
        def utc(x: dt.datetime) -> dt.datetime:
            return x.astimezone(dt.UTC).replace(tzinfo=None) if x.tzinfo else x
        return utc(old) == utc(new)
    return old == new


def _partnership_values(r: PartnershipRow) -> dict:
    return dict(key=r.key, a_id=r.a_id, b_id=r.b_id, relation=r.relation, status=r.status,
                established=r.established, established_precision=r.established_precision,
                last_event=r.last_event, last_event_date=r.last_event_date,
                first_reported=r.first_reported, last_reported=r.last_reported, themes=list(r.themes),
                n_mentions=r.n_mentions, n_documents=r.n_documents, n_sources=r.n_sources,
                confidence=round(r.confidence, 4), review=r.review, reviewed_by=r.reviewed_by,
                reviewed_at=r.reviewed_at, machine=r.machine, priority=r.priority, reasons=list(r.reasons))
