"""The store's crawl bookkeeping: the fetch log (one row per canonical
URL asked for) and crawl runs with their frontier, so a crawl killed
halfway resumes. A mixin of :class:`models.store.Store`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, Integer, delete, func, insert, select, update

from models import schema as t
from models.rows import FrontierItem, now

# HTTP statuses that say a URL is gone for good: given up after one failure,
# whatever fetch_max_failures says.
GONE = (404, 410)


def is_given_up(failures: int, status: int | None, max_failures: int) -> bool:
    """Whether a URL has failed too often, by the current setting, to be
    asked for again (``given_up`` below says the same in SQL)."""
    return failures > 0 and (failures >= max_failures or status in GONE)


def _given_up(max_failures: int) -> tuple:
    """``is_given_up`` as SQL conditions on fetch_log."""
    f = t.fetch_log.c
    return f.failures > 0, (f.failures >= max_failures) | f.status.in_(GONE)


@dataclass(frozen=True, slots=True)
class FetchState:
    """What the last fetch of a canonical URL left in the log."""

    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    status: int | None = None
    refused: str | None = None
    detail: str | None = None
    failures: int = 0  # failed fetches in a row

    def given_up(self, max_failures: int) -> bool:
        return is_given_up(self.failures, self.status, max_failures)


@dataclass(frozen=True, slots=True)
class GivenUp:
    """A URL the crawler no longer asks for, and why it last failed."""

    url: str
    source: str
    status: int | None
    reason: str | None
    detail: str | None
    failures: int
    last_tried: dt.datetime


class CrawlLog:
    engine: Engine

    # -- the fetch log ------------------------------------------------------
    def fetch_state(self, url: str) -> FetchState | None:
        """What the last fetch of a canonical URL left, or None if it was never asked for."""
        f = t.fetch_log.c
        with self.engine.connect() as conn:
            row = conn.execute(select(f.etag, f.last_modified, f.sha256, f.status, f.refused, f.detail,
                                      f.failures).where(f.url == url)).first()
            return FetchState(**row._mapping) if row else None

    def record_fetch(self, url: str, source: str, *, status: int | None, etag: str | None = None,
                     last_modified: str | None = None, sha256: str | None = None,
                     refused: str | None = None, detail: str | None = None, failed: bool = False) -> int:
        """Upsert the fetch log row of a URL; a 304 keeps the content hash it
        had. ``failed`` counts a refusal as a failure in a row (a success
        resets the count); returns the count."""
        with self.engine.begin() as conn:
            return self._record_fetch_in(conn, url, source, status=status, etag=etag, last_modified=last_modified,
                                         sha256=sha256, refused=refused, detail=detail, failed=failed)

    @staticmethod
    def _record_fetch_in(conn, url: str, source: str, *, status: int | None, etag: str | None = None,
                         last_modified: str | None = None, sha256: str | None = None,
                         refused: str | None = None, detail: str | None = None, failed: bool = False) -> int:
        f = t.fetch_log.c
        values = dict(source=source, status=status, refused=refused, detail=detail, fetched_at=now())
        if refused is None:
            values.update(etag=etag, last_modified=last_modified)
            if sha256:
                values["sha256"] = sha256
        prior = conn.execute(select(f.id, f.failures).where(f.url == url)).first()
        # A refusal not counted (robots, a local address) leaves the count as it was.
        failures = 0 if refused is None else (prior.failures if prior else 0) + int(failed)
        values["failures"] = failures
        if prior is None:
            conn.execute(insert(t.fetch_log).values(url=url, **values))
        else:
            conn.execute(update(t.fetch_log).where(f.id == prior.id).values(**values))
        return failures

    def given_up_among(self, urls: Sequence[str], max_failures: int) -> set[str]:
        """Which of these canonical URLs are given up on, by the current setting."""
        f = t.fetch_log.c
        found: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(urls), 500):
                found |= set(conn.scalars(select(f.url).where(f.url.in_(list(urls[start:start + 500])),
                                                              *_given_up(max_failures))))
        return found

    def given_up(self, max_failures: int) -> list[GivenUp]:
        """URLs failed too often to be asked for again, by the current
        setting (raise it and they are tried again), oldest failure first."""
        f = t.fetch_log.c
        query = (select(f.url, f.source, f.status, f.refused, f.detail, f.failures, f.fetched_at)
                 .where(*_given_up(max_failures))
                 .order_by(f.fetched_at, f.id))
        with self.engine.connect() as conn:
            return [GivenUp(r.url, r.source, r.status, r.refused, r.detail, r.failures, r.fetched_at)
                    for r in conn.execute(query)]

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

    def pending_count(self, run_id: int) -> int:
        """Links of a run not handled yet."""
        f = t.crawl_frontier.c
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.crawl_frontier)
                               .where(f.run_id == run_id, f.state == "pending"))

    def pause_crawl_run(self, run_id: int, *, fetched: int, new: int, unchanged: int, refused: int) -> None:
        """Add one crawl's counts to a run left unfinished (stopped at its
        deadline), so the crawl that finishes it reports the whole run."""
        with self.engine.begin() as conn:
            self._add_counts(conn, run_id, fetched=fetched, new=new, unchanged=unchanged, refused=refused)

    def finish_crawl_run(self, run_id: int, *, fetched: int, new: int, unchanged: int, refused: int) -> None:
        """Close a run with its counts (added to those of the crawls that
        began it) and drop its frontier."""
        with self.engine.begin() as conn:
            self._add_counts(conn, run_id, fetched=fetched, new=new, unchanged=unchanged, refused=refused)
            conn.execute(delete(t.crawl_frontier).where(t.crawl_frontier.c.run_id == run_id))
            conn.execute(update(t.crawl_runs).where(t.crawl_runs.c.id == run_id).values(finished_at=now()))

    @staticmethod
    def _add_counts(conn, run_id: int, *, fetched: int, new: int, unchanged: int, refused: int) -> None:
        r = t.crawl_runs.c
        conn.execute(update(t.crawl_runs).where(r.id == run_id).values(
            fetched=r.fetched + fetched, new=r.new + new, unchanged=r.unchanged + unchanged,
            refused=r.refused + refused))

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
