"""Flow ``crawl``: web sources (feeds, single URLs) into the store, then the
pipeline on what is new.

Every URL is canonicalised and logged in ``fetch_log`` with its ETag,
Last-Modified and content hash, so a second crawl sends conditional requests
and stores nothing it already has. Refusals (robots, size, type, scheme...)
are logged with their reason and the crawl goes on.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import feedparser
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.documents import parse_document
from extractors.urls import canonical_url
from flows.dedupe import dedupe_flow
from flows.extract import extract_flow
from flows.fetcher import FetchPolicy, Fetcher
from models.blobs import BlobStore
from models.errors import ConfigError, DocumentRejected
from models.records import DocumentStatus
from models.settings import Settings
from models.sources import WEB_KINDS, FeedSource, UrlSource, load_sources
from models.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CrawlReport:
    new: int = 0
    unchanged: int = 0
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # url, reason, detail


def links_of(source: FeedSource | UrlSource, fetcher: Fetcher, report: CrawlReport) -> list[str]:
    """The document links a source offers, filtered by its settings."""
    if isinstance(source, UrlSource):
        return [source.url] if source.wants(source.url) else []
    feed = fetcher.fetch(source.url)
    if not feed.ok:
        report.refused.append((source.url, feed.refused or "unchanged", feed.detail or ""))
        return []
    parsed = feedparser.parse(feed.body)
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        text = f"{entry.get('title', '')} {entry.get('summary', '')}"
        if link and source.wants(link, text):
            links.append(link)
    return links


def crawl_source(source: FeedSource | UrlSource, settings: Settings, fetcher: Fetcher) -> CrawlReport:
    report = CrawlReport()
    store, blobs = Store(settings.database_url), BlobStore(settings.raw_dir)
    try:
        for link in links_of(source, fetcher, report):
            url = canonical_url(link)
            state = store.fetch_state(url) or {}
            result = fetcher.fetch(url, etag=state.get("etag"), last_modified=state.get("last_modified"))
            if result.refused:
                log.warning("%s: refused (%s: %s)", url, result.refused, result.detail)
                store.record_fetch(url, source.name, status=result.status, refused=result.refused,
                                   detail=result.detail)
                report.refused.append((url, result.refused, result.detail or ""))
                continue
            if result.not_modified:
                store.record_fetch(url, source.name, status=304, etag=result.etag,
                                   last_modified=result.last_modified)
                report.unchanged += 1
                continue
            _store_document(source.name, url, result, store, blobs, report)
    finally:
        store.close()
    return report


def _store_document(source: str, url: str, result, store: Store, blobs: BlobStore, report: CrawlReport) -> None:
    name = PurePosixPath(urlsplit(url).path).name or "index.html"
    media_type = "application/pdf" if result.body[:5] == b"%PDF-" else (result.content_type or None)
    try:
        parsed = parse_document(result.body, name, media_type=media_type)
    except DocumentRejected as exc:
        store.add_rejected(source, url, hashlib.sha256(result.body).hexdigest(), len(result.body),
                           media_type or "", DocumentStatus.FAILED, exc.reason, exc.detail)
        store.record_fetch(url, source, status=result.status, refused=exc.reason, detail=exc.detail)
        report.refused.append((url, exc.reason, exc.detail))
        return
    if store.find_document(parsed.sha256) is None:
        blobs.put(parsed.sha256, result.body, PurePosixPath(name).suffix or ".html")
        store.add_document(source, url, len(result.body), parsed)
        report.new += 1
    else:
        store.add_origin(parsed.sha256, source, url)
        report.unchanged += 1
    store.record_fetch(url, source, status=result.status, etag=result.etag,
                       last_modified=result.last_modified, sha256=parsed.sha256)


@task(name="crawl-source", cache_policy=NO_CACHE, retries=0)
def crawl_source_task(source: FeedSource | UrlSource, settings: Settings) -> CrawlReport:
    fetcher = Fetcher(FetchPolicy(requests_per_second=source.requests_per_second or 1.0))
    try:
        return crawl_source(source, settings, fetcher)
    finally:
        fetcher.close()


@flow(name="crawl")
def crawl_flow(settings: Settings, source_name: str | None = None) -> CrawlReport:
    """Fetch every web source once (or one named source), then extract and dedupe what is new."""
    sources = [s for s in load_sources(settings.sources_path) if s.kind in WEB_KINDS]
    if source_name:
        sources = [s for s in sources if s.name == source_name]
        if not sources:
            raise ConfigError(str(settings.sources_path), [f"no web source named '{source_name}'"])
    report = CrawlReport()
    for source in sources:
        part = crawl_source_task(source, settings)
        report.new += part.new
        report.unchanged += part.unchanged
        report.refused += part.refused
    if report.new:
        extract_flow(settings)
        dedupe_flow(settings)
    return report
