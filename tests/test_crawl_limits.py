"""How long a crawl keeps at a URL that keeps failing, and at one source.

A document URL whose fetch fails is asked for again by later crawls until it
has failed ``fetch_max_failures`` times in a row; then it is given up,
listed by ``citypairs status`` with its last reason, and not asked for
again unless the setting is raised. A success (a 304 too) resets the count;
a 404 is given up at once. A source past ``crawl_source_seconds`` stops
between fetches and the next crawl resumes it.
"""

from __future__ import annotations

import textwrap
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from prefect.testing.utilities import prefect_test_harness
from sqlalchemy import func, select
from typer.testing import CliRunner

from fake_site import FakeSite
from flows.address_guard import AddressGuard
from flows.cli import app
from flows.crawl import crawl_flow, crawl_source
from flows.crawl_limits import DeadlineHit
from flows.fetcher import FetchPolicy, Fetcher
from models import schema as t
from models.settings import load_settings
from models.sources import load_sources
from models.store import Store

# The test servers listen on this machine: the crawler may reach them.
LOCAL = AddressGuard(allowed_networks=("127.0.0.0/8",))


def article(name: str) -> bytes:
    return (f"<html><head><title>Kaohsiung story {name}</title></head><body><article><p>Kaohsiung and Cebu "
            f"City signed a sister city agreement ({name}) to expand trade and tourism.</p></article>"
            "</body></html>").encode()


class Site:
    """Articles under /news/ answering whatever status the test sets, a feed
    linking to them (and to a file:// URL), and counts of every request."""

    def __init__(self, names: tuple[str, ...] = ("broken", "gone", "ok")):
        self.names = names
        self.status: dict[str, int] = {}  # article name -> HTTP status (200 unless set)
        self.hits: Counter[str] = Counter()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, name: str) -> str:
        return f"{self.base}/news/{name}.html"

    def feed(self) -> bytes:
        links = [f"<item><title>Kaohsiung {n}</title><link>{self.url(n)}</link></item>" for n in self.names]
        links.append("<item><title>Kaohsiung archive</title><link>file:///etc/passwd</link></item>")
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{"".join(links)}</channel></rss>'.encode()

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802  (http.server's name)
                site.hits[self.path] += 1
                if self.path == "/feed.xml":
                    return self._send(200, site.feed(), "application/rss+xml")
                name = self.path.removeprefix("/news/").removesuffix(".html")
                if name not in site.names:
                    return self._send(404, b"not found", "text/plain")
                status = site.status.get(name, 200)
                if status == 200 and self.headers.get("If-None-Match") == f'"{name}"':
                    return self._send(304, b"", "text/html")
                self._send(status, article(name) if status == 200 else b"oops", "text/html")

            def _send(self, status: int, body: bytes, kind: str) -> None:
                name = self.path.removeprefix("/news/").removesuffix(".html")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if status in (200, 304) and name in site.names:
                    self.send_header("ETag", f'"{name}"')
                self.end_headers()
                self.wfile.write(body)

        return Handler


@pytest.fixture
def site():
    with Site() as s:
        yield s


def configure(tmp_path: Path, db: str, toml: str, **settings):
    (tmp_path / "sources.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    return load_settings(database_url=db, sources_path=tmp_path / "sources.toml", raw_dir=tmp_path / "raw",
                         **settings)


def feed_settings(tmp_path: Path, db: str, site: Site, **settings):
    return configure(tmp_path, db, f"""
        [[sources]]
        name = "wire"
        kind = "feed"
        url = "{site.base}/feed.xml"
        keywords = ["Kaohsiung"]
    """, **settings)


def crawl(settings, name: str = "wire", **policy):
    """One crawl of a source; the fetcher's own retries are off, so one
    failed fetch is one request."""
    source = next(s for s in load_sources(settings.sources_path) if s.name == name)
    fetcher = Fetcher(FetchPolicy(**(dict(requests_per_second=0, retries=0, timeout=2.0, guard=LOCAL) | policy)))
    try:
        return crawl_source(source, settings, fetcher)
    finally:
        fetcher.close()


def failures(db: str, url: str) -> int:
    store = Store(db)
    try:
        return store.fetch_state(url).failures
    finally:
        store.close()


def status_lines(db: str, monkeypatch, **env: str) -> list[str]:
    for key, value in env.items():
        monkeypatch.setenv(f"CITYPAIRS_{key.upper()}", value)
    result = CliRunner().invoke(app, ["status", "--db", db], terminal_width=400)
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith("given up")]


# -- failing URLs ---------------------------------------------------------------------
def test_a_url_answering_500_is_asked_for_max_failures_times_then_given_up_with_its_reason(
        site, tmp_path, db_url, monkeypatch):
    site.status["broken"] = 500
    settings = feed_settings(tmp_path, db_url, site, fetch_max_failures=3)

    reports = [crawl(settings) for _ in range(4)]

    assert site.hits["/news/broken.html"] == 3, "three crawls ask, the fourth does not"
    assert [[g.url for g in r.given_up] for r in reports] == [[], [], [site.url("broken")], []]
    assert reports[2].given_up[0].reason == "http_error" and reports[2].given_up[0].failures == 3
    assert reports[3].skipped == 1 and site.url("broken") not in [u for u, _, _ in reports[3].refused]
    assert ("scheme" in [r for _, r, _ in reports[3].refused]), \
        "a refusal made here (scheme) asks nothing of the site: it is not counted, nor given up"
    assert site.hits["/feed.xml"] == 4, "the feed is read at every crawl"
    assert status_lines(db_url, monkeypatch) == [
        f"given up after 3 failures: {site.url('broken')}: http_error: {site.url('broken')} answered HTTP 500"]


def test_raising_fetch_max_failures_asks_for_a_given_up_url_again(site, tmp_path, sqlite_url, monkeypatch):
    site.status["broken"] = 500
    for _ in range(3):
        crawl(feed_settings(tmp_path, sqlite_url, site, fetch_max_failures=2))
    assert site.hits["/news/broken.html"] == 2

    report = crawl(feed_settings(tmp_path, sqlite_url, site, fetch_max_failures=3))
    assert site.hits["/news/broken.html"] == 3 and [g.failures for g in report.given_up] == [3]
    assert len(status_lines(sqlite_url, monkeypatch, fetch_max_failures="3")) == 1
    assert status_lines(sqlite_url, monkeypatch, fetch_max_failures="4") == [], \
        "given up is judged against the setting of the day"

    site.status["broken"] = 200
    report = crawl(feed_settings(tmp_path, sqlite_url, site, fetch_max_failures=4))
    assert report.new_documents and failures(sqlite_url, site.url("broken")) == 0
    assert status_lines(sqlite_url, monkeypatch, fetch_max_failures="1") == [], "a success clears it"


def test_a_success_or_a_304_resets_the_count_of_failures_in_a_row(site, tmp_path, db_url):
    settings = feed_settings(tmp_path, db_url, site, fetch_max_failures=3)
    answers = [200, 500, 500, 304, 500, 500]  # 304: the page kept its ETag and has not changed

    for status in answers:
        site.status["ok"] = 200 if status == 304 else status
        crawl(settings)

    assert site.hits["/news/ok.html"] == len(answers), "never given up: no three failures in a row"
    assert failures(db_url, site.url("ok")) == 2


def test_a_404_is_given_up_at_once_whatever_the_setting(site, tmp_path, sqlite_url, monkeypatch):
    site.status["gone"] = 404

    first = crawl(feed_settings(tmp_path, sqlite_url, site, fetch_max_failures=3))
    crawl(feed_settings(tmp_path, sqlite_url, site, fetch_max_failures=10))

    assert site.hits["/news/gone.html"] == 1
    assert [g.url for g in first.given_up] == [site.url("gone")]
    assert status_lines(sqlite_url, monkeypatch, fetch_max_failures="10") == [
        f"given up after 1 failures: {site.url('gone')}: http_error: {site.url('gone')} answered HTTP 404"]


def test_a_source_that_is_one_url_is_given_up_like_a_linked_one(site, tmp_path, sqlite_url):
    site.status["broken"] = 503
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "one"
        kind = "url"
        url = "{site.url('broken')}"
    """, fetch_max_failures=2)

    reports = [crawl(settings, "one") for _ in range(3)]

    assert site.hits["/news/broken.html"] == 2 and reports[2].skipped == 1


def test_a_given_up_url_takes_no_room_under_max_documents(site, tmp_path, sqlite_url):
    site.status["broken"] = 500
    settings = configure(tmp_path, sqlite_url, f"""
        [[sources]]
        name = "wire"
        kind = "feed"
        url = "{site.base}/feed.xml"
        max_documents = 1
    """, fetch_max_failures=1)

    crawl(settings)  # the feed's first link: broken, given up
    report = crawl(settings)

    assert [d.url for d in report.new_documents] == [site.url("gone")], "the next link takes its place"


# -- the per-source deadline ------------------------------------------------------------------
LISTING = """
    [[sources]]
    name = "listing"
    kind = "listing"
    url = "{base}/news/"
    link_selector = "ul.stories"
    max_pages = 3
"""


def stored(db: str) -> list[str]:
    store = Store(db)
    with store.engine.connect() as conn:
        origins = list(conn.scalars(select(t.documents.c.origin).where(t.documents.c.status == "ingested")))
    store.close()
    return sorted(o.rsplit("/", 1)[-1] for o in origins)


def test_a_source_past_its_deadline_stops_between_fetches_and_the_next_crawl_finishes_it(tmp_path, db_url):
    with FakeSite(articles=12, article_delay=0.2) as site:
        toml = LISTING.format(base=site.base)
        hurried = configure(tmp_path, db_url, toml, fetch_workers=1, crawl_source_seconds=0.8)

        first = crawl(hurried, "listing")
        before = stored(db_url)

        assert [(d.source, d.seconds) for d in first.deadlines] == [("listing", 0.8)]
        assert first.deadlines[0].pending > 0 and len(before) < 12
        store = Store(db_url)
        [run] = store.crawl_runs("listing")
        store.close()
        assert run["finished_at"] is None, "the run stays open for the next crawl"

        second = crawl(configure(tmp_path, db_url, toml, fetch_workers=1), "listing")

    assert second.resumed == ["listing"] and second.deadlines == []
    assert stored(db_url) == sorted(f"{n}.html" for n in range(1, 13)), "nothing lost"
    assert set(site.article_hits().values()) == {1}, "nothing stored was fetched twice"
    assert all(site.hits[p] == 1 for p in ("/news/", "/news/?page=2", "/news/?page=3"))
    store = Store(db_url)
    [run] = store.crawl_runs("listing")
    with store.engine.connect() as conn:
        left = conn.scalar(select(func.count()).select_from(t.crawl_frontier))
    store.close()
    assert run["finished_at"] and run["new"] == 12 and left == 0, "the run counts both crawls' documents"


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_a_crawl_goes_on_with_the_next_source_and_its_report_names_the_one_past_its_deadline(
        harness, tmp_path, sqlite_url):
    from flows.crawl import crawl_markdown

    with FakeSite(articles=12, article_delay=0.4) as slow, Site() as quick:
        settings = configure(tmp_path, sqlite_url, LISTING.format(base=slow.base) + f"""
            [[sources]]
            name = "wire"
            kind = "feed"
            url = "{quick.base}/feed.xml"
            keywords = ["Kaohsiung"]
        """, fetch_workers=1, crawl_source_seconds=2, requests_per_second=0)

        report = crawl_flow(settings)

    assert [d.source for d in report.deadlines] == ["listing"]
    assert {d.url for d in report.new_documents if d.source == "wire"} == {quick.url(n) for n in quick.names}
    markdown = crawl_markdown(report, ["listing", "wire"])
    pending = report.deadlines[0].pending
    assert f"**listing stopped at its deadline** (2 s, crawl_source_seconds): {pending} URLs left" in markdown


def test_the_report_of_a_crawl_names_sources_past_their_deadline_and_urls_given_up():
    import datetime as dt

    from flows.crawl_report import CrawlReport, crawl_markdown
    from models.crawl_log import GivenUp

    report = CrawlReport(deadlines=[DeadlineHit("taipei|times", 1800.0, 42)], skipped=2, given_up=[
        GivenUp("https://example.org/a", "taipei", 503, "http_error", "answered HTTP 503", 3,
                dt.datetime.now(dt.UTC))])

    markdown = crawl_markdown(report, ["taipei|times"])

    assert "**taipei\\|times stopped at its deadline** (1800 s, crawl_source_seconds): 42 URLs left" in markdown
    assert "2 URLs given up on earlier were not asked for" in markdown
    assert "| https://example.org/a | 3 | http_error | answered HTTP 503 |" in markdown


def test_a_database_from_before_the_failure_count_is_upgraded_with_every_url_at_zero(db_url):
    import datetime as dt

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from models.store import MIGRATIONS

    engine = create_engine(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
        conn.execute(text("INSERT INTO fetch_log (url, source, status, refused, detail, fetched_at) "
                          "VALUES ('https://example.org/a', 'wire', 500, 'http_error', 'HTTP 500', :at)"),
                     {"at": dt.datetime.now(dt.UTC)})
    engine.dispose()

    store = Store(db_url)  # migrates to the latest revision
    state = store.fetch_state("https://example.org/a")
    assert (state.failures, state.refused) == (0, "http_error"), "a URL logged before gets its full tries"
    assert store.record_fetch("https://example.org/a", "wire", status=500, refused="http_error", failed=True) == 1
    store.close()
