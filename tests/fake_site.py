"""A small fake news site, served on 127.0.0.1 at a random port, for crawl tests.

It has what real sites send: a feed, a sitemap index with a gzipped news
sitemap, a paginated listing, articles and an agreement PDF, and robots.txt
with a disallowed path and a crawl-delay; and what they send on bad days: a
429 with Retry-After, a 500 that recovers, a page slower than the timeout, an
oversized body, a redirect loop, an HTML page served as a PDF, and a page
whose ETag never changes and which ignores conditional requests.
"""

from __future__ import annotations

import gzip
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import fixtures_docs as fx

PARTNERS = [("Kaohsiung", "Cebu City", "Philippines"), ("Taoyuan", "Jonava", "Lithuania"),
            ("Tainan", "Sendai", "Japan"), ("Taichung", "Winnipeg", "Canada"),
            ("Hsinchu City", "Cupertino", "United States"), ("Chiayi City", "Shimoda", "Japan"),
            ("Keelung", "Naha", "Japan"), ("Pingtung County", "Guam", "United States")]
CRAWL_DELAY = 0.05


def article(n: int) -> bytes:
    tw, partner, country = PARTNERS[n % len(PARTNERS)]
    return (f"<html><head><title>{tw} and {partner} sign agreement ({n})</title></head><body><article>"
            f"<h1>{tw} and {partner} sign agreement</h1><p>Story number {n}. {tw} and {partner} in {country} "
            f"signed a friendship city agreement on Monday to deepen exchanges in education and tourism, "
            f"officials said. The deal is the {n}th of its kind this year.</p></article></body></html>").encode()


def _pdf_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return fx.one_page_pdf(Path(tmp)).read_bytes()


class FakeSite:
    """The site's state: which paths were asked for, and how often."""

    def __init__(self, articles: int = 12, listing_pages: int = 3, article_delay: float = 0.0):
        self.articles = articles
        self.listing_pages = listing_pages
        self.article_delay = article_delay  # seconds each article takes, to catch a crawl midway
        self.hits: Counter[str] = Counter()
        self.times: list[float] = []  # monotonic time of every request, in order
        self.in_flight = 0
        self.most_in_flight = 0  # requests being answered at the same time, at most
        self.pdf = _pdf_bytes()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self) -> FakeSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def article_hits(self) -> Counter[str]:
        return Counter({p: n for p, n in self.hits.items() if p.startswith("/news/") and p.endswith(".html")})

    # -- pages -------------------------------------------------------------------
    def feed(self) -> bytes:
        items = "".join(f"<item><title>Partnership news {n}</title><link>{self.base}/news/{n}.html?utm_source=rss"
                        f"</link><description>Story {n}</description></item>" for n in range(1, 5))
        items += ("<item><title>Partnership archive</title><link>file:///etc/passwd</link></item>"
                  f"<item><title>Partnership draft</title><link>{self.base}/private/draft.html</link></item>"
                  f"<item><title>Sports roundup</title><link>{self.base}/sports/1.html</link></item>")
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fake News</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>").encode()

    def sitemap_index(self) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8"?>'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/sitemap-news.xml.gz</loc></sitemap>"
                f"<sitemap><loc>{self.base}/sitemap-docs.xml</loc></sitemap></sitemapindex>").encode()

    def news_sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.base}/news/{n}.html</loc><news:news><news:publication><news:name>Fake News"
            f"</news:name><news:language>en</news:language></news:publication><news:publication_date>"
            f"2026-11-{n:02d}</news:publication_date><news:title>Partnership news {n}</news:title></news:news></url>"
            for n in range(1, self.articles + 1))
        xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')
        return gzip.compress(xml.encode())

    def docs_sitemap(self) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{self.base}/docs/agreement.pdf</loc><lastmod>2026-10-01</lastmod></url>"
                f"<url><loc>{self.base}/docs/fake.pdf</loc></url></urlset>").encode()

    def listing(self, page: int) -> bytes:
        per = max(1, self.articles // self.listing_pages)
        first = (page - 1) * per + 1
        last = self.articles if page == self.listing_pages else first + per - 1
        links = "".join(f'<li class="story"><a href="/news/{n}.html">Partnership news {n}</a></li>'
                        for n in range(first, last + 1))
        nav = f'<a class="next" href="/news/?page={page + 1}">Next</a>' if page < self.listing_pages else ""
        return (f"<html><body><nav><a href='/about.html'>About</a></nav><ul class='stories'>{links}</ul>"
                f"<div class='pager'>{nav}</div></body></html>").encode()

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802  (http.server's name)
                path = self.path
                with site.lock:
                    site.hits[path] += 1
                    site.times.append(time.monotonic())
                    times = site.hits[path]
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                try:
                    site._route(self, urlsplit(path).path, path, times)
                finally:
                    with site.lock:
                        site.in_flight -= 1

        return Handler

    def _route(self, h: BaseHTTPRequestHandler, path: str, full: str, times: int) -> None:
        if path == "/robots.txt":
            return _send(h, 200, f"User-agent: *\nDisallow: /private/\nCrawl-delay: {CRAWL_DELAY}\n".encode(),
                         "text/plain")
        if path == "/feed.xml":
            return _send(h, 200, self.feed(), "application/rss+xml")
        if path == "/sitemap.xml":
            return _send(h, 200, self.sitemap_index(), "application/xml")
        if path == "/sitemap-news.xml.gz":
            return _send(h, 200, self.news_sitemap(), "application/x-gzip")
        if path == "/sitemap-docs.xml":
            return _send(h, 200, self.docs_sitemap(), "application/xml")
        if path == "/news/":
            page = int(full.rsplit("=", 1)[1]) if "page=" in full else 1
            return _send(h, 200, self.listing(page), "text/html")
        if path.startswith("/news/") and path.endswith(".html"):
            n = int(path[len("/news/"):-len(".html")])
            if not 1 <= n <= self.articles:
                return _send(h, 404, b"not found", "text/plain")
            time.sleep(self.article_delay)
            return _send(h, 200, article(n), "text/html", etag=f'"news-{n}"', conditional=True)
        if path == "/docs/agreement.pdf":
            return _send(h, 200, self.pdf, "application/pdf", etag='"pdf-1"', conditional=True)
        if path == "/docs/fake.pdf":  # an HTML page served as a PDF
            return _send(h, 200, article(99), "application/pdf")
        if path == "/flaky/429.html":
            if times == 1:
                return _send(h, 429, b"slow down", "text/plain", extra={"Retry-After": "1"})
            return _send(h, 200, article(101), "text/html")
        if path == "/flaky/500.html":
            if times == 1:
                return _send(h, 500, b"oops", "text/plain")
            return _send(h, 200, article(102), "text/html")
        if path == "/slow.html":
            time.sleep(2.0)
            return _send(h, 200, article(103), "text/html")
        if path == "/huge.html":
            return _send(h, 200, b"<html><body>" + b"x" * 3_000_000 + b"</body></html>", "text/html")
        if path in ("/loop/a", "/loop/b"):
            return _send(h, 302, b"", "text/plain", extra={"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
        if path == "/fixed-etag.html":  # same ETag forever, and conditional requests ignored
            return _send(h, 200, article(104), "text/html", etag='"always-the-same"')
        return _send(h, 404, b"not found", "text/plain")


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, kind: str, *, etag: str | None = None,
          conditional: bool = False, extra: dict[str, str] | None = None) -> None:
    if conditional and etag and h.headers.get("If-None-Match") == etag:
        h.send_response(304)
        h.send_header("ETag", etag)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    h.send_response(status)
    h.send_header("Content-Type", kind)
    h.send_header("Content-Length", str(len(body)))
    if etag:
        h.send_header("ETag", etag)
    for key, value in (extra or {}).items():
        h.send_header(key, value)
    h.end_headers()
    try:
        h.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the crawler gave up (timeout, size limit)
        pass
