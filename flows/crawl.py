"""Flow ``crawl``: web sources into the store, then the pipeline on what is new.

A crawl of one source is a *run* with a *frontier* kept in the database:
first the entry pages (a feed, a sitemap and its children, listing pages
and their next pages), then the documents they link to. Each item is marked
done as soon as it is handled, so a run killed halfway is resumed by the
next crawl of that source and nothing done is fetched twice.

Every URL is canonicalised and logged in ``fetch_log`` with its ETag,
Last-Modified and content hash: later crawls send conditional requests, and
bytes already stored are not stored (or extracted) again. Refusals (robots,
size, type, scheme, HTTP errors...) are logged with their reason and the
crawl goes on; a document URL that keeps failing is given up, and a source
stops at its deadline (``flows/crawl_limits.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extractors.documents import parse_document
from extractors.links import Link, LinkError, feed_links, listing_links, next_page, sitemap_links
from extractors.ocr import policy_of
from extractors.urls import canonical_url
from flows.address_guard import AddressGuard, local_origin
from flows.crawl_limits import DeadlineHit, SourceClock, counts_as_failure
from flows.crawl_report import CrawlReport, NewDocument, changes, crawl_markdown
from flows.dedupe import dedupe_flow
from flows.extract import extract_flow
from flows.fetcher import FetchPolicy, Fetcher, FetchResult
from flows.stopping import check, checked
from models.blobs import BlobStore
from models.crawl_log import FetchState, GivenUp, is_given_up
from models.errors import ConfigError, DocumentRejected
from models.records import DocumentStatus, ParsedDocument
from models.settings import Settings
from models.sources import WEB_KINDS, ListingSource, SitemapSource, WebSource, load_sources
from models.rows import FrontierItem, now
from models.store import Store

__all__ = ["CrawlReport", "crawl_flow", "crawl_markdown", "crawl_source", "discover", "fetcher_for"]

log = logging.getLogger(__name__)

ENTRY_KIND = {"feed": "feed", "sitemap": "sitemap", "listing": "listing", "url": "document"}
MAX_SITEMAP_DEPTH = 3  # index -> index -> sitemap is as deep as real sites go
BATCH = 64  # frontier items read per round trip
SITEMAP_MAX_BYTES = 50_000_000  # the sitemap protocol's limit, uncompressed


@dataclass(slots=True)
class Expansion:
    """What an entry page led to."""

    entries: list[FrontierItem] = field(default_factory=list)  # child sitemaps, next listing page
    documents: list[FrontierItem] = field(default_factory=list)
    found: int = 0  # document links before filtering
    refusal: tuple[str, str, str] | None = None


def fetcher_for(source: WebSource, settings: Settings) -> Fetcher:
    rate = settings.requests_per_second if source.requests_per_second is None else source.requests_per_second
    # A source whose own URL is local (a test site, an intranet) may crawl
    # that one origin; links elsewhere on local networks stay refused.
    own = local_origin(source.url)
    guard = AddressGuard(allowed_networks=tuple(settings.crawl_allowed_networks),
                         allowed_origins=(own,) if own else ())
    return Fetcher(FetchPolicy(user_agent=settings.user_agent, timeout=settings.fetch_timeout,
                               max_bytes=settings.max_document_bytes, requests_per_second=rate,
                               deadline=settings.fetch_deadline, guard=guard))


# -- entry pages ----------------------------------------------------------------
def expand(item: FrontierItem, source: WebSource, fetcher: Fetcher, store: Store | None = None) -> Expansion:
    """Fetch an entry page and list the entries and documents it links to,
    filtered by the source's settings. With a store, the fetch is
    conditional and logged."""
    state = (store.fetch_state(item.url) if store else None) or FetchState()
    result = fetcher.fetch(item.url, etag=state.etag, last_modified=state.last_modified)
    out = Expansion()
    if result.refused or (result.body is None and not result.not_modified):
        out.refusal = (item.url, result.refused or "empty", result.detail or "no body")
    elif result.ok:
        try:
            _read_entry(item, result, source, out)
        except LinkError as exc:
            out.refusal = (item.url, "unreadable", str(exc))
    if store is not None:
        reason, detail = (out.refusal[1], out.refusal[2]) if out.refusal else (None, None)
        store.record_fetch(item.url, source.name, status=result.status, etag=result.etag,
                           last_modified=result.last_modified, refused=reason, detail=detail,
                           sha256=hashlib.sha256(result.body).hexdigest() if result.body else None)
    return out


def _read_entry(item: FrontierItem, result: FetchResult, source: WebSource, out: Expansion) -> None:
    base = result.final_url or item.url
    links: list[Link]
    if item.kind == "feed":
        links = feed_links(result.body, base)
    elif item.kind == "sitemap":
        assert isinstance(source, SitemapSource)
        sitemap = sitemap_links(result.body, base, max_bytes=SITEMAP_MAX_BYTES)
        if item.depth < MAX_SITEMAP_DEPTH:
            out.entries += [FrontierItem(u, "sitemap", item.depth + 1) for u in sitemap.children[:source.max_sitemaps]]
        links = _recent(sitemap.links, source.since_days)
    else:
        assert isinstance(source, ListingSource)
        links = listing_links(result.body, base, selector=source.link_selector, pattern=source.link_pattern)
        following = next_page(result.body, base, selector=source.next_selector)
        if following and item.depth + 1 < source.max_pages:
            out.entries.append(FrontierItem(following, "listing", item.depth + 1))
        links = [link for link in links if link.url != following]
    out.found += len(links)
    out.documents += [FrontierItem(link.url, "document", 0, link.title) for link in links
                      if source.wants(link.url, f"{link.title} {link.summary}")]


def _recent(links: list[Link], since_days: int | None) -> list[Link]:
    """Newest first when the sitemap dates its entries, and none older than
    ``since_days``: news sitemaps list years of articles."""
    def when(link: Link) -> str:
        return (link.published or link.lastmod or "")[:10]

    dated = sorted(links, key=when, reverse=True) if any(when(x) for x in links) else links
    if since_days is None:
        return dated
    cutoff = (dt.date.today() - dt.timedelta(days=since_days)).isoformat()
    return [link for link in dated if not when(link) or when(link) >= cutoff]


# -- documents ------------------------------------------------------------------
@dataclass(slots=True)
class _Fetched:
    item: FrontierItem
    result: FetchResult | None  # None: not fetched, the source's deadline came first
    parsed: ParsedDocument | None = None
    rejected: DocumentRejected | None = None


def _fetch_document(item: FrontierItem, fetcher: Fetcher, state: FetchState, settings: Settings,
                    clock: SourceClock) -> _Fetched:
    """Fetch and parse on a worker thread; storing happens on the caller's."""
    if clock.expired:  # checked as each fetch starts: the item stays pending for the next crawl
        return _Fetched(item, None)
    result = fetcher.fetch(item.url, etag=state.etag, last_modified=state.last_modified)
    done = _Fetched(item, result)
    if result.ok:
        try:
            done.parsed = parse_document(result.body, _file_name(item.url), media_type=_media_type(result),
                                         charset=result.charset,  # the server's word on the encoding
                                         max_pages=settings.max_pdf_pages, ocr=policy_of(settings),
                                         pdf_max_seconds=settings.pdf_max_seconds,
                                         pdf_max_memory_mb=settings.pdf_max_memory_mb,
                                         pdf_max_children=settings.pdf_max_children)
        except DocumentRejected as exc:
            done.rejected = exc
    return done


def _file_name(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).name or "index.html"


def _media_type(result: FetchResult) -> str | None:
    return "application/pdf" if result.body[:5] == b"%PDF-" else (result.content_type or None)


def _store_fetched(done: _Fetched, source: str, store: Store, blobs: BlobStore, report: CrawlReport,
                   max_failures: int) -> None:
    url, result = done.item.url, done.result
    if result is None:
        return
    if result.status is not None:
        report.fetched += 1
    if result.refused:
        log.warning("%s: refused (%s: %s)", url, result.refused, result.detail)
        failed = counts_as_failure(result.refused)
        failures = store.record_fetch(url, source, status=result.status, refused=result.refused,
                                      detail=result.detail, failed=failed)
        report.refused.append((url, result.refused, result.detail or ""))
        if failed:
            _note_given_up(GivenUp(url, source, result.status, result.refused, result.detail, failures, now()),
                           report, max_failures)
    elif result.not_modified:
        store.record_fetch(url, source, status=304, etag=result.etag, last_modified=result.last_modified)
        report.unchanged += 1
    elif done.rejected is not None:
        exc = done.rejected
        media_type = _media_type(result) or ""
        store.add_rejected(source, url, hashlib.sha256(result.body).hexdigest(), len(result.body), media_type,
                           DocumentStatus.FAILED, exc.reason, exc.detail)
        failures = store.record_fetch(url, source, status=result.status, refused=exc.reason, detail=exc.detail,
                                      failed=True)  # the same bytes would fail again
        report.refused.append((url, exc.reason, exc.detail))
        _note_given_up(GivenUp(url, source, result.status, exc.reason, exc.detail, failures, now()),
                       report, max_failures)
    else:
        parsed = done.parsed
        # Bytes first (write-once, harmless if the row never comes), then the
        # document, its fetch log and its frontier item in one transaction.
        blobs.put(parsed.sha256, result.body, PurePosixPath(_file_name(url)).suffix or ".html")
        if store.add_crawled(source, url, len(result.body), parsed, status=result.status, etag=result.etag,
                             last_modified=result.last_modified, frontier_id=done.item.id):
            report.new += 1
            report.new_documents.append(NewDocument(source, url, parsed.title or done.item.title or url))
        else:  # same bytes as before, or as another URL: nothing to extract
            report.unchanged += 1
        return
    store.mark_done([done.item.id])


def _note_given_up(failed: GivenUp, report: CrawlReport, max_failures: int) -> None:
    """Log (once: later crawls do not ask again) a failure that gives up on its URL."""
    if is_given_up(failed.failures, failed.status, max_failures):
        log.warning("%s: given up after %d failed fetches (%s: %s); later crawls skip it until "
                    "fetch_max_failures is raised", failed.url, failed.failures, failed.reason, failed.detail)
        report.given_up.append(failed)


# -- one source -------------------------------------------------------------------
def crawl_source(source: WebSource, settings: Settings, fetcher: Fetcher) -> CrawlReport:
    """Crawl one source to the end of its run (resuming a dead one)."""
    report = CrawlReport()
    store, blobs = Store(settings.database_url), BlobStore(settings.raw_dir)
    try:
        run_id, resumed = store.open_crawl_run(source.name, canonical_url(source.url), ENTRY_KIND[source.kind])
        clock = SourceClock(settings.crawl_source_seconds)
        if resumed:
            log.info("%s: resuming the crawl that stopped before it finished", source.name)
            report.resumed.append(source.name)
        with ThreadPoolExecutor(settings.fetch_workers, thread_name_prefix=f"crawl-{source.name}") as pool:
            for batch in _rounds(store, run_id, clock):
                entries = [i for i in batch if i.kind != "document"]
                if entries:
                    _expand_entries(entries, source, fetcher, store, run_id, report, clock, settings.fetch_max_failures)
                else:
                    _fetch_documents(batch, source.name, fetcher, pool, store, blobs, report, settings, clock)
        if report.skipped:  # each was logged when it was given up; one line a crawl from then on
            log.info("%s: %d URLs given up on earlier were not asked for (citypairs status lists them)",
                     source.name, report.skipped)
        counts = dict(fetched=report.fetched, new=report.new, unchanged=report.unchanged,
                      refused=len(report.refused))
        left = store.pending_count(run_id) if clock.expired else 0
        if left:  # the run stays open: the next crawl of this source resumes it
            log.warning("%s: stopped at its crawl deadline (crawl_source_seconds = %g); %d URLs left for the "
                        "next crawl", source.name, clock.seconds, left)
            report.deadlines.append(DeadlineHit(source.name, clock.seconds, left))
            store.pause_crawl_run(run_id, **counts)
        else:
            store.finish_crawl_run(run_id, **counts)
    finally:
        store.close()
    return report


def _rounds(store: Store, run_id: int, clock: SourceClock) -> Iterator[list[FrontierItem]]:
    while not clock.expired and (batch := store.pending(run_id, BATCH)):
        check()  # a stopped crawl leaves the rest of its frontier to the next one
        yield batch


def _expand_entries(entries: list[FrontierItem], source: WebSource, fetcher: Fetcher, store: Store,
                    run_id: int, report: CrawlReport, clock: SourceClock, max_failures: int) -> None:
    # Entry pages are read at every crawl whatever their past failures:
    # they are how new documents are found, and the source names them.
    for item in entries:
        if clock.expired:
            return
        found = expand(item, source, fetcher, store)
        report.fetched += found.refusal is None
        if found.refusal:
            log.warning("%s: refused (%s: %s)", *found.refusal)
            report.refused.append(found.refusal)
        # URLs given up on take no room under max_documents and are never queued.
        dropped = store.given_up_among([d.url for d in found.documents], max_failures)
        documents = [d for d in found.documents if d.url not in dropped]
        report.skipped += len(found.documents) - len(documents)
        room = max(0, source.max_documents - store.taken(run_id))
        store.enqueue(run_id, found.entries + documents[:room])
        store.mark_done([item.id])


def _fetch_documents(batch: list[FrontierItem], source: str, fetcher: Fetcher, pool: ThreadPoolExecutor,
                     store: Store, blobs: BlobStore, report: CrawlReport, settings: Settings,
                     clock: SourceClock) -> None:
    states = {item.url: store.fetch_state(item.url) or FetchState() for item in batch}
    # Links found on entry pages were sifted when queued; this catches a
    # source's own URL and links queued before a resumed run's failures.
    skipped = {item.id for item in batch if states[item.url].given_up(settings.fetch_max_failures)}
    report.skipped += len(skipped)
    store.mark_done(sorted(skipped))
    futures = [pool.submit(_fetch_document, item, fetcher, states[item.url], settings, clock)
               for item in batch if item.id not in skipped]
    for future in checked(as_completed(futures)):
        _store_fetched(future.result(), source, store, blobs, report, settings.fetch_max_failures)


def discover(source: WebSource, fetcher: Fetcher) -> tuple[Expansion, int]:
    """A dry run for ``sources check``: walk the entry pages without storing
    anything; returns every document link kept, and the entry pages read."""
    total = Expansion()
    queue = [FrontierItem(canonical_url(source.url), ENTRY_KIND[source.kind])]
    pages = 0
    while queue:
        item = queue.pop(0)
        if item.kind == "document":
            total.documents.append(item)
            total.found += 1
            continue
        pages += 1
        found = expand(item, source, fetcher)
        total.found += found.found
        total.documents += found.documents
        if found.refusal and total.refusal is None:
            total.refusal = found.refusal
        queue += found.entries
    seen: set[str] = set()
    total.documents = [d for d in total.documents if not (d.url in seen or seen.add(d.url))][:source.max_documents]
    return total, pages


# -- the flow ---------------------------------------------------------------------
@task(name="crawl-source", cache_policy=NO_CACHE, retries=0)
def crawl_source_task(source: WebSource, settings: Settings) -> CrawlReport:
    fetcher = fetcher_for(source, settings)
    try:
        return crawl_source(source, settings, fetcher)
    finally:
        fetcher.close()


@flow(name="crawl")
def crawl_flow(settings: Settings, source_name: str | None = None) -> CrawlReport:
    """Crawl every web source (or one named source) at once, then extract and
    dedupe what is new, and leave a report as a Prefect artifact."""
    sources = [s for s in load_sources(settings.sources_path) if s.kind in WEB_KINDS]
    if source_name:
        sources = [s for s in sources if s.name == source_name]
        if not sources:
            raise ConfigError(str(settings.sources_path), [f"no web source named '{source_name}'"])
    report = CrawlReport()
    Store(settings.database_url).close()  # migrate once, before concurrent tasks open the store
    # Sources crawl concurrently; their fetchers share one per-host clock.
    for future in [crawl_source_task.submit(s, settings) for s in sources]:
        report.add(future.result())
    if report.new:
        before = _snapshot(settings)
        extract_flow(settings)
        dedupe_flow(settings)
        report.partnerships = changes(before, _snapshot(settings))
    create_markdown_artifact(key="crawl-report", markdown=crawl_markdown(report, [s.name for s in sources]),
                             description="Documents, partnerships and failures of one crawl")
    return report


def _snapshot(settings: Settings) -> dict[str, tuple]:
    store = Store(settings.database_url)
    try:
        return store.partnership_snapshot()
    finally:
        store.close()
