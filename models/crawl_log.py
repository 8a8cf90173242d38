"""The store's crawl bookkeeping: the fetch log (one row per canonical
URL asked for) and crawl runs with their frontier, so a crawl killed
halfway resumes. A mixin of :class:`models.store.Store`."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, Integer, delete, func, insert, select, update

from models import schema as t
from models.rows import FrontierItem, now


class CrawlLog:
    engine: Engine

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
        values = dict(source=source, status=status, refused=refused, detail=detail, fetched_at=now())
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
            run_id = conn.execute(insert(t.crawl_runs).values(source=source, started_at=now())
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
                finished_at=now(), fetched=fetched, new=new, unchanged=unchanged, refused=refused))

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
