"""The store: owns every SQL statement citypairs runs (with its mixins
``crawl_log``, ``decision_log`` and ``reference_log``, and the review app's paged reads in
``review_queries``).

SQLite by default, any SQLAlchemy URL otherwise. Opening a store brings the
schema to the latest Alembic revision. Every write is an idempotent upsert
keyed on something deterministic (a content hash or a derived key), in one
transaction per batch, so a failed batch leaves what was stored untouched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, bindparam, delete, event, func, insert, select, update
from sqlalchemy.exc import InterfaceError, OperationalError

from models import schema as t
from models.crawl_log import CrawlLog
from models.decision_log import DecisionLog
from models.engines import (  # check_database_url: re-exported for the CLI
    check_database_url,  # noqa: F401
    engine_for,
    insert_ignoring_duplicates,
    safe_url,
    sqlite_pragmas,
)
from models.errors import ConfigError
from models.records import (
    DocumentInput,
    DocumentMentions,
    DocumentStatus,
    Mention,
    PageSpan,
    ParsedDocument,
)
from models.reference_log import ReferenceLog
from models.rows import (
    PartnershipRow,
    StoredMention,
    mention_key,
    now,
    partnership_values,
    place_values,
    same,
)

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATE_LOCK = threading.Lock()


class Store(CrawlLog, DecisionLog, ReferenceLog):
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = engine_for(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)
        try:
            self.migrate()
        except (OperationalError, InterfaceError) as exc:
            self.engine.dispose()
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConfigError("database_url", [f"cannot open {safe_url(url)}: {reason}"]) from None

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

    def forget_if_rejected_for(self, sha256: str, reasons: frozenset[str]) -> bool:
        """Drop the record of bytes once rejected for one of ``reasons`` (a
        limit since raised), so they are read again; True if one was dropped."""
        d = t.documents.c
        with self.engine.begin() as conn:
            doc_id = conn.scalar(select(d.id).where(d.sha256 == sha256, d.reason.in_(sorted(reasons)),
                                                    d.status.in_(["skipped", "failed"])))
            if doc_id is None:
                return False
            conn.execute(delete(t.documents).where(d.id == doc_id))  # origins go with it (ON DELETE CASCADE)
            return True

    def add_document(self, source: str, origin: str, size: int, parsed: ParsedDocument) -> tuple[int, bool]:
        """Store a parsed document once; returns (id, created)."""
        values = dict(
            sha256=parsed.sha256, source=source, origin=origin, media_type=parsed.media_type,
            size=size, title=parsed.title, published=parsed.published, lang=parsed.lang,
            encoding=parsed.encoding, text=parsed.text, text_source=parsed.text_source,
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
            doc_id = conn.execute(insert(t.documents).values(**values, ingested_at=now())).inserted_primary_key[0]
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
                document_id=doc_id, source=source, origin=origin, seen_at=now()))

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
            rows = conn.execute(select(c.id, c.text, c.published, c.lang, c.pages, c.title, c.origin, c.source,
                                       c.text_source).where(c.id.in_(ids)).order_by(c.id))
            return [
                DocumentInput(key=str(r.id), text=r.text or "", published=r.published, lang=r.lang or "en",
                              title=r.title, url=r.origin, outlet=r.source, text_source=r.text_source,
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
            changed = [{"doc_id": doc_id, "cluster": cluster} for doc_id, cluster in clusters.items()
                       if current.get(doc_id) != cluster]
            if changed:  # one executemany: a statement per row took seconds per 10,000 documents
                conn.execute(update(t.documents).where(t.documents.c.id == bindparam("doc_id"))
                             .values(cluster_id=bindparam("cluster")), changed)

    # -- mentions ---------------------------------------------------------
    def replace_mentions(self, results: Iterable[DocumentMentions], version: str) -> int:
        """Replace the mentions of each document (``key`` its id) by a new
        extraction, in one transaction, with the reason where extraction
        stopped short; returns the number stored."""
        stored = 0
        results = list(results)
        with self.engine.begin() as conn:
            known = set(conn.scalars(select(t.places.c.id)))
            new = {p.id: p for r in results for m in r.mentions for p in (m.a, m.b) if p.id not in known}
            # In id order, skipping any another writer added meanwhile: two
            # Dask workers storing batches that share new places neither
            # deadlock nor collide.
            for place_id in sorted(new):
                conn.execute(insert_ignoring_duplicates(conn, t.places).values(**place_values(new[place_id])))
            for result in results:
                doc_id, found = int(result.key), result.mentions
                sha = conn.scalar(select(t.documents.c.sha256).where(t.documents.c.id == doc_id))
                conn.execute(delete(t.mentions).where(t.mentions.c.document_id == doc_id))
                rows, seen = [], set()
                for m in found:
                    key = mention_key(sha, m)
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append(_mention_values(key, doc_id, m, version))
                if rows:
                    conn.execute(insert(t.mentions), rows)
                stored += len(rows)
                conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(
                    status=DocumentStatus.EXTRACTED.value, extractor_version=version, extracted_at=now(),
                    reason=result.problem, detail=result.detail))
        return stored

    def mentions_for_dedupe(self, min_confidence: float, rejected: Iterable[str] = ()) -> list[StoredMention]:
        """Every mention confident enough, except those with a key in ``rejected``."""
        m, d = t.mentions.c, t.documents.c
        query = (select(m.id, m.document_id, d.cluster_id, d.published, m.a_id, m.b_id, m.relation, m.event,
                        m.event_date, m.date_precision, m.themes, m.confidence)
                 .join(t.documents, d.id == m.document_id)
                 .where(m.confidence >= min_confidence).order_by(m.id))
        if rejected:
            query = query.where(m.key.not_in(sorted(rejected)))
        with self.engine.connect() as conn:
            return [StoredMention(r.id, r.document_id, r.cluster_id or r.document_id, r.published, r.a_id, r.b_id,
                                  r.relation, r.event, r.event_date, r.date_precision, tuple(r.themes or ()),
                                  r.confidence) for r in conn.execute(query)]

    # -- partnerships -----------------------------------------------------
    def sync_partnerships(self, rows: Sequence[PartnershipRow]) -> dict[str, int]:
        """Make the canonical table equal to ``rows``: update what changed,
        insert what is new, delete what no mention supports any more."""
        counts = {"inserted": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        p, pm = t.partnerships.c, t.partnership_mentions.c
        with self.engine.begin() as conn:
            existing = {r.key: r for r in conn.execute(select(t.partnerships))}
            links: dict[int, set[int]] = {}
            for pid, mid in conn.execute(select(t.partnership_mentions)):
                links.setdefault(pid, set()).add(mid)
            wanted = {r.key for r in rows}
            # Statements are batched (executemany): one per row compiled a
            # fresh INSERT each time, most of dedupe's time at 100,000 rows.
            new = [partnership_values(r) for r in rows if r.key not in existing]
            if new:
                conn.execute(insert(t.partnerships), new)  # in row order, so ids are as one by one
                counts["inserted"] = len(new)
            ids = {k: r.id for k, r in existing.items()}
            if new:
                ids.update(conn.execute(select(p.key, p.id).where(p.id > max(ids.values(), default=0))).all())
            changed, add, drop = [], [], []
            for row in rows:
                old = existing.get(row.key)
                if old is not None:
                    values = partnership_values(row)
                    if any(not same(getattr(old, k), v) for k, v in values.items()):
                        changed.append({**values, "_pid": old.id})
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
                pid = ids[row.key]
                have, want = links.get(pid, set()), set(row.mention_ids)
                add += [{"partnership_id": pid, "mention_id": mid} for mid in sorted(want - have)]
                drop += [{"_pid": pid, "_mid": mid} for mid in sorted(have - want)]
            if changed:
                columns = {k: bindparam(k) for k in changed[0] if k != "_pid"}
                conn.execute(update(t.partnerships).where(p.id == bindparam("_pid")).values(columns), changed)
            if add:
                conn.execute(insert(t.partnership_mentions), add)
            if drop:
                conn.execute(delete(t.partnership_mentions).where(
                    pm.partnership_id == bindparam("_pid"), pm.mention_id == bindparam("_mid")), drop)
            # A row no mention supports any more goes, unless an analyst
            # accepted or edited it: a new model does not undo a decision.
            gone = [r.id for k, r in existing.items() if k not in wanted and r.review not in ("accepted", "edited")]
            if gone:
                conn.execute(delete(t.partnership_mentions).where(t.partnership_mentions.c.partnership_id.in_(gone)))
                conn.execute(delete(t.partnerships).where(p.id.in_(gone)))
                counts["deleted"] = len(gone)
        return counts

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
            p.n_documents, p.n_mentions, p.confidence, p.review, p.reviewed_by, p.reference, p.a_id, p.b_id)
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
        """Every path whose document failed, was skipped or was read in part,
        with its reason; other paths holding the same rejected bytes (a second
        empty file) are listed too, each on its own line."""
        d, o = t.documents.c, t.document_origins.c
        rejected = d.status.in_(["failed", "skipped"]) | d.reason.is_not(None)
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.id, d.origin, d.status, d.reason, d.detail).where(rejected)
                                .order_by(d.id)).all()
            others = conn.execute(select(o.document_id, o.origin).join(t.documents, o.document_id == d.id)
                                  .where(rejected, o.origin != d.origin).order_by(o.id)).all()
        out = []
        for r in rows:
            out.append(dict(origin=r.origin, status=r.status, reason=r.reason, detail=r.detail))
            out += [dict(origin=x.origin, status=r.status, reason=r.reason,
                         detail=f"the same bytes as {r.origin}: {r.detail}") for x in others if x.document_id == r.id]
        return out

    def rejection_of(self, sha256: str) -> tuple[str, str] | None:
        """(reason, detail) when these bytes were stored as failed or skipped."""
        d = t.documents.c
        with self.engine.connect() as conn:
            row = conn.execute(select(d.reason, d.detail).where(
                d.sha256 == sha256, d.status.in_(["failed", "skipped"]))).first()
        return (row.reason, row.detail) if row is not None else None


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
