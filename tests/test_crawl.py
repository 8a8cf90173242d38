"""Crawling a feed on a local site: what is fetched, what is refused, and a
second crawl that fetches nothing new."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from flows.crawl import crawl_source
from flows.fetcher import FetchPolicy, Fetcher
from models import schema as t
from models.settings import load_settings
from models.sources import load_sources
from models.store import Store
from flows.address_guard import AddressGuard

ARTICLE = ("<html><head><title>Kaohsiung and Cebu renew ties</title></head><body><article><p>Kaohsiung and "
           "Cebu City signed a new sister city agreement on Friday to expand trade and tourism.</p>"
           "</article></body></html>").encode()

# The test servers listen on this machine: the crawler may reach them.
LOCAL = AddressGuard(allowed_networks=("127.0.0.0/8",))


def feed(base: str) -> bytes:
    items = "".join(f"<item><title>{title}</title><link>{link}</link></item>" for title, link in [
        ("Kaohsiung and Cebu renew ties", f"{base}/news/1.html?utm_source=rss"),
        ("Sports roundup", f"{base}/sports/2.html"),
        ("Kaohsiung archive (a file link)", "file:///etc/passwd"),
        ("Kaohsiung agreement text", f"{base}/private/agreement.html"),
    ])
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


class Site(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802  (http.server's name)
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        base = f"http://{self.headers['Host']}"
        routes = {"/robots.txt": (b"User-agent: *\nDisallow: /private/\n", "text/plain"),
                  "/feed.xml": (feed(base), "application/rss+xml"),
                  "/news/1.html": (ARTICLE, "text/html"), "/sports/2.html": (ARTICLE, "text/html")}
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        body, kind = routes[self.path]
        if self.path == "/news/1.html" and self.headers.get("If-None-Match") == '"a1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("ETag", '"a1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_feed_crawl_fetches_matching_links_refuses_bad_ones_and_resumes_with_nothing_new(site, tmp_path,
                                                                                         sqlite_url):
    (tmp_path / "sources.toml").write_text(
        f'[[sources]]\nname = "wire"\nkind = "feed"\nurl = "{site}/feed.xml"\nexclude = ["/sports/"]\n'
        'keywords = ["Kaohsiung"]\n')
    settings = load_settings(database_url=sqlite_url, sources_path=tmp_path / "sources.toml",
                             raw_dir=tmp_path / "raw")
    [source] = load_sources(settings.sources_path)
    fetcher = Fetcher(FetchPolicy(requests_per_second=0, guard=LOCAL))
    Site.hits.clear()

    first = crawl_source(source, settings, fetcher)
    second = crawl_source(source, settings, fetcher)
    fetcher.close()

    assert first.new == 1
    assert {reason for _, reason, _ in first.refused} == {"scheme", "robots"}
    assert "/sports/2.html" not in Site.hits, "an excluded link is never fetched"
    assert "/private/agreement.html" not in Site.hits, "robots.txt is honoured"
    assert second.new == 0 and second.unchanged == 1, "the second crawl sends If-None-Match and gets 304"
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        [doc] = conn.execute(select(t.documents.c.origin, t.documents.c.title)).all()
        logged = dict(conn.execute(select(t.fetch_log.c.url, t.fetch_log.c.status)).all())
    store.close()
    assert doc.origin == f"{site}/news/1.html", "stored under its canonical URL, utm_source dropped"
    assert logged[f"{site}/news/1.html"] == 304
