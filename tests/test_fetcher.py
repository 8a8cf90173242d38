"""The fetcher against a small site served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extractors.urls import canonical_url
from flows.fetcher import FetchPolicy, Fetcher
from flows.address_guard import AddressGuard

PDF = b"%PDF-1.4\n% fake but typed right\n"
HITS: dict[str, int] = {}

# The test servers listen on this machine: the crawler may reach them.
LOCAL = AddressGuard(allowed_networks=("127.0.0.0/8",))


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status: int, body: bytes = b"", **headers) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802  (http.server's name)
        path = self.path
        HITS[path] = HITS.get(path, 0) + 1
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n", Content_Type="text/plain")
        elif path == "/article.html":
            self.send(200, b"<html><body><p>Taipei and Prague</p></body></html>", Content_Type="text/html")
        elif path == "/private/memo.html":
            self.send(200, b"secret", Content_Type="text/html")
        elif path == "/big":
            self.send(200, b"x" * 5000, Content_Type="text/html")
        elif path == "/bomb":
            self.send(200, gzip.compress(b"a" * 2_000_000), Content_Type="text/html", Content_Encoding="gzip")
        elif path == "/loop":
            self.send(302, Location="/loop")
        elif path.startswith("/hop"):
            n = int(path[4:] or 0)
            self.send(302, Location=f"/hop{n + 1}")
        elif path == "/busy":
            if HITS[path] == 1:
                self.send(429, b"slow down", Retry_After="1")
            else:
                self.send(200, b"<p>ok</p>", Content_Type="text/html")
        elif path == "/flaky":
            if HITS[path] == 1:
                self.send(500, b"oops")
            else:
                self.send(200, b"<p>recovered</p>", Content_Type="text/html")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", Content_Type="text/html")
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304)
            else:
                self.send(200, b"<p>same</p>", Content_Type="text/html", ETag='"v1"')
        elif path == "/pdf-as-html":
            self.send(200, PDF, Content_Type="text/html")
        elif path == "/html-as-pdf":
            self.send(200, b"<html>not a pdf</html>", Content_Type="application/pdf")
        elif path == "/agreement.pdf":
            self.send(200, PDF, Content_Type="application/pdf")
        else:
            self.send(404, b"missing")


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def fetcher():
    HITS.clear()
    f = Fetcher(FetchPolicy(timeout=1.0, max_bytes=100_000, requests_per_second=0, retries=2,
                            backoff=(0.05, 0.05), max_retry_after=2, guard=LOCAL))
    yield f
    f.close()


def test_urls_have_one_canonical_form():
    assert canonical_url("HTTPS://News.Example.com:443/a?utm_source=x&id=3#top") == "https://news.example.com/a?id=3"


def test_a_page_and_a_pdf_are_fetched(site, fetcher):
    page = fetcher.fetch(f"{site}/article.html")
    pdf = fetcher.fetch(f"{site}/agreement.pdf")
    assert page.ok and b"Taipei" in page.body and page.content_type == "text/html"
    assert pdf.ok and pdf.body.startswith(b"%PDF")


@pytest.mark.parametrize("path,reason", [
    ("/private/memo.html", "robots"),
    ("/bomb", "too_large"),
    ("/loop", "redirect_loop"),
    ("/hop0", "too_many_redirects"),
    ("/slow", "timeout"),
    ("/pdf-as-html", "content_type"),
    ("/html-as-pdf", "content_type"),
    ("/nowhere", "http_error"),
])
def test_what_the_web_sends_wrong_is_refused_with_a_reason(site, fetcher, path, reason):
    result = fetcher.fetch(f"{site}{path}")
    assert result.refused == reason and result.detail
    if reason == "robots":
        assert HITS.get(path) is None, "a disallowed page is never requested"


def test_only_http_and_https(fetcher):
    for url in ("file:///etc/passwd", "ftp://example.org/x.pdf"):
        assert fetcher.fetch(url).refused == "scheme"


def test_an_oversized_body_is_cut_while_streaming(site):
    small = Fetcher(FetchPolicy(max_bytes=1000, requests_per_second=0, guard=LOCAL))
    assert small.fetch(f"{site}/big").refused == "too_large"
    small.close()


def test_429_waits_for_retry_after_and_500_recovers(site, fetcher):
    start = time.monotonic()
    busy = fetcher.fetch(f"{site}/busy")
    assert busy.ok and time.monotonic() - start >= 1.0, "Retry-After: 1 was honoured"
    assert fetcher.fetch(f"{site}/flaky").ok and HITS["/flaky"] == 2


def test_an_unchanged_page_is_not_downloaded_again(site, fetcher):
    first = fetcher.fetch(f"{site}/etag")
    again = fetcher.fetch(f"{site}/etag", etag=first.etag)
    assert first.ok and first.etag == '"v1"'
    assert again.not_modified and again.body is None


def test_robots_crawl_delay_spaces_requests_to_a_host(site):
    polite = Fetcher(FetchPolicy(requests_per_second=0, guard=LOCAL))
    start = time.monotonic()
    for _ in range(3):
        assert polite.fetch(f"{site}/article.html").ok
    assert time.monotonic() - start >= 0.6, "Crawl-delay: 0.3 between three requests"
    polite.close()
