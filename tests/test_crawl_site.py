"""Crawling a fake news site: feeds, sitemaps, paginated listings and PDFs;
what is fetched, what is refused and why, second crawls that take nothing
new, a crawl killed midway that resumes, and a per-host rate shared by
every source."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fake_site import FakeSite
from flows.crawl import crawl_source
from flows.fetcher import FetchPolicy, Fetcher
from models import schema as t
from models.settings import load_settings
from models.sources import load_sources
from models.store import Store
from flows.address_guard import AddressGuard

ROOT = Path(__file__).resolve().parents[1]

# The test servers listen on this machine: the crawler may reach them.
LOCAL = AddressGuard(allowed_networks=("127.0.0.0/8",))


@pytest.fixture
def site():
    with FakeSite() as s:
        yield s


def quick_fetcher(**policy) -> Fetcher:
    """No rate limit of our own (robots' crawl-delay still holds), short timeouts and backoff."""
    defaults = dict(requests_per_second=0, timeout=0.5, backoff=(0.05, 0.05, 0.05), max_bytes=1_000_000,
                    guard=LOCAL)
    return Fetcher(FetchPolicy(**(defaults | policy)))


def configure(tmp_path: Path, url: str, toml: str):
    (tmp_path / "sources.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    return load_settings(database_url=url, sources_path=tmp_path / "sources.toml", raw_dir=tmp_path / "raw",
                         max_document_bytes=1_000_000)


def crawl(settings, name: str, fetcher: Fetcher | None = None):
    source = next(s for s in load_sources(settings.sources_path) if s.name == name)
    fetcher = fetcher or quick_fetcher()
    try:
        return crawl_source(source, settings, fetcher)
    finally:
        fetcher.close()


def stored(url: str) -> list[str]:
    store = Store(url)
    with store.engine.connect() as conn:
        origins = list(conn.scalars(select(t.documents.c.origin).where(t.documents.c.status == "ingested")))
    store.close()
    return sorted(o.rsplit("/", 1)[-1] for o in origins)


def test_a_feed_gives_its_matching_articles_and_refuses_file_links_and_disallowed_paths(site, tmp_path, sqlite_url):
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "wire"
        kind = "feed"
        url = "{site.base}/feed.xml"
        keywords = ["partnership"]
    """)

    report = crawl(settings, "wire")

    assert stored(sqlite_url) == ["1.html", "2.html", "3.html", "4.html"]
    assert report.new == 4
    reasons = {url.split("/")[0]: reason for url, reason, _ in report.refused}
    assert reasons == {"file:": "scheme", "http:": "robots"}
    assert f"{site.base}/private/draft.html" in [url for url, _, _ in report.refused]
    assert site.hits["/private/draft.html"] == 0, "robots.txt is obeyed before asking"
    assert site.hits["/sports/1.html"] == 0, "a link without the keyword is never requested"
    assert site.hits["/news/1.html"] == 1, "utm_source is dropped from the URL asked for"


def test_a_sitemap_index_leads_through_a_gzipped_news_sitemap_to_articles_and_pdfs(site, tmp_path, sqlite_url):
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "sitemap"
        kind = "sitemap"
        url = "{site.base}/sitemap.xml"
    """)

    report = crawl(settings, "sitemap")

    assert stored(sqlite_url) == sorted([f"{n}.html" for n in range(1, 13)] + ["agreement.pdf"])
    assert [(url.rsplit("/", 1)[-1], reason) for url, reason, _ in report.refused] == [("fake.pdf", "content_type")]
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        pdf = conn.execute(select(t.documents.c.media_type, t.documents.c.text)
                           .where(t.documents.c.origin.like("%agreement.pdf"))).one()
    store.close()
    assert pdf.media_type == "application/pdf" and pdf.text.strip(), "the PDF was parsed, not stored as bytes only"


def test_a_paginated_listing_is_followed_to_its_configured_depth(site, tmp_path, sqlite_url):
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "all-pages"
        kind = "listing"
        url = "{site.base}/news/"
        link_selector = "ul.stories"
        max_pages = 3

        [[sources]]
        name = "two-pages"
        kind = "listing"
        url = "{site.base}/news/"
        link_pattern = "/news/[0-9]+[.]html$"
        max_pages = 2
    """)

    crawl(settings, "all-pages")
    assert stored(sqlite_url) == sorted(f"{n}.html" for n in range(1, 13))
    assert site.hits["/about.html"] == 0, "only links the selector picks are followed"

    site.hits.clear()
    crawl(settings, "two-pages")
    assert site.hits["/news/?page=2"] == 1 and site.hits["/news/?page=3"] == 0
    assert sum(site.article_hits().values()) == 8


def test_a_bad_day_on_the_web_is_refused_or_retried_and_every_refusal_has_a_reason(site, tmp_path, sqlite_url):
    pages = ["flaky/429.html", "flaky/500.html", "slow.html", "huge.html", "loop/a", "fixed-etag.html"]
    settings = configure(tmp_path, sqlite_url, "".join(
        f'[[sources]]\nname = "{p.replace("/", "-")}"\nkind = "url"\nurl = "{site.base}/{p}"\n\n' for p in pages))

    reports = {p: crawl(settings, p.replace("/", "-")) for p in pages}

    assert reports["flaky/429.html"].new == 1 and site.hits["/flaky/429.html"] == 2, "429 retried after Retry-After"
    assert reports["flaky/500.html"].new == 1 and site.hits["/flaky/500.html"] == 2, "a 500 that recovers is retried"
    refusals = {p: [reason for _, reason, _ in r.refused] for p, r in reports.items() if r.refused}
    assert refusals == {"slow.html": ["timeout"], "huge.html": ["too_large"], "loop/a": ["redirect_loop"]}
    store = Store(sqlite_url)
    logged = dict(store.engine.connect().execute(select(t.fetch_log.c.url, t.fetch_log.c.refused)).all())
    store.close()
    assert logged[f"{site.base}/huge.html"] == "too_large", "refusals are kept in the fetch log"

    again = crawl(settings, "fixed-etag.html")
    assert (again.new, again.unchanged) == (0, 1), "an unchanged body is not stored or extracted again"


def test_a_second_crawl_fetches_nothing_new(site, tmp_path, db_url):
    settings = configure(tmp_path, db_url, f"""
        [[sources]]
        name = "sitemap"
        kind = "sitemap"
        url = "{site.base}/sitemap.xml"
    """)
    first = crawl(settings, "sitemap")
    documents = stored(db_url)

    second = crawl(settings, "sitemap")

    assert first.new == 13 and second.new == 0
    assert second.unchanged == 13, "articles and the PDF answer 304 Not Modified to conditional requests"
    assert stored(db_url) == documents
    store = Store(db_url)
    runs = store.crawl_runs("sitemap")
    with store.engine.connect() as conn:
        left = conn.scalar(select(func.count()).select_from(t.crawl_frontier))
    store.close()
    assert [r["new"] for r in runs] == [13, 0] and all(r["finished_at"] for r in runs)
    assert left == 0, "a finished run leaves no frontier behind"


KILLABLE = """
import sys
sys.path[:0] = [{root!r}, {tests!r}]
from flows.address_guard import AddressGuard
from flows.crawl import crawl_source
from flows.fetcher import FetchPolicy, Fetcher
from models.settings import load_settings
from models.sources import load_sources
settings = load_settings(database_url={url!r}, sources_path={sources!r}, raw_dir={raw!r}, fetch_workers=1)
[source] = load_sources(settings.sources_path)
crawl_source(source, settings, Fetcher(FetchPolicy(requests_per_second=0, guard=AddressGuard(
    allowed_networks=('127.0.0.0/8',)))))
"""


def test_a_crawl_killed_midway_resumes_where_it_stopped(tmp_path, sqlite_url):
    with FakeSite(articles=12, article_delay=0.15) as site:
        settings = configure(tmp_path, sqlite_url, f"""
            [[sources]]
            name = "listing"
            kind = "listing"
            url = "{site.base}/news/"
            link_selector = "ul.stories"
            max_pages = 3
        """)
        script = KILLABLE.format(root=str(ROOT), tests=str(ROOT / "tests"), url=sqlite_url,
                                 sources=str(settings.sources_path), raw=str(tmp_path / "raw"))
        child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
        deadline = time.monotonic() + 60
        while sum(site.article_hits().values()) < 5 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        before = stored(sqlite_url)
        assert 3 <= len(before) < 12, "the crawl was killed midway"

        report = crawl(settings, "listing")

        assert report.resumed == ["listing"]
        assert stored(sqlite_url) == sorted(f"{n}.html" for n in range(1, 13))
        for page in ("/news/", "/news/?page=2", "/news/?page=3"):
            assert site.hits[page] == 1, f"{page} was read before the kill and not again"
        refetched = [p for p, n in site.article_hits().items() if n > 1]
        assert all(p.rsplit("/", 1)[-1] not in before for p in refetched), "nothing stored was fetched twice"
        # With one fetch worker, one article can be in flight while the one
        # before it is being stored: at most those two are asked for again.
        assert len(refetched) <= 2, "at most the articles in flight at the kill are asked for again"


def test_two_sources_on_one_host_share_its_rate_limit_and_ask_it_one_thing_at_a_time(tmp_path, sqlite_url):
    with FakeSite(articles=8, article_delay=0.02) as site:
        settings = configure(tmp_path, sqlite_url, f"""
            [[sources]]
            name = "feed"
            kind = "feed"
            url = "{site.base}/feed.xml"

            [[sources]]
            name = "listing"
            kind = "listing"
            url = "{site.base}/news/"
            link_selector = "ul.stories"
            max_pages = 3
        """)
        Store(sqlite_url).close()  # the schema first, as the crawl flow does
        rate = 8  # requests per second; each source fetches 8 documents at once
        threads = [threading.Thread(target=crawl, args=(settings, name, quick_fetcher(requests_per_second=rate)))
                   for name in ("feed", "listing")]
        for th in threads:
            th.start()
        for th in threads:
            th.join()

    assert site.most_in_flight == 1, "one request at a time to a host, whatever the number of workers"
    gaps = [b - a for a, b in zip(site.times, site.times[1:])]
    assert len(gaps) > 10
    # Starts are spaced by the rate; arrivals jitter a little on a busy machine.
    assert sum(gaps) / len(gaps) >= 0.9 / rate, "the rate holds on average"
    assert min(gaps) >= 0.5 / rate, f"two sources asked one host {min(gaps):.3f}s apart"


def test_a_sitemap_takes_its_newest_entries_first_and_no_more_than_max_documents(site, tmp_path, sqlite_url):
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "newest"
        kind = "sitemap"
        url = "{site.base}/sitemap.xml"
        include = ["/news/"]
        max_documents = 3
    """)
    crawl(settings, "newest")
    assert stored(sqlite_url) == ["10.html", "11.html", "12.html"], "publication dates 2026-11-10..12 are newest"


def test_a_sitemap_skips_entries_older_than_since_days(site, tmp_path, sqlite_url):
    import datetime as dt

    days = (dt.date.today() - dt.date(2026, 11, 10)).days  # the cutoff falls on 2026-11-10
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "recent"
        kind = "sitemap"
        url = "{site.base}/sitemap.xml"
        include = ["/news/"]
        since_days = {days}
    """)
    crawl(settings, "recent")
    assert stored(sqlite_url) == ["10.html", "11.html", "12.html"]
    assert site.hits["/news/9.html"] == 0, "an older entry is never requested"
