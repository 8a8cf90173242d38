"""``citypairs bench-crawl``: crawl speed and memory on a local site.

A generated news site (a sitemap and N article pages, 4-8 KB each) is served
from a separate process on 127.0.0.1, so the server does not share the
crawler's interpreter. Each size is crawled by a fresh process with the rate
limit off, from the sitemap to documents parsed and stored in a new SQLite
database; it reports pages per second and its own peak memory. Memory that
stays flat as the page count doubles is what the frontier in the database
buys: nothing grows with the site but the database.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from flows.bench import ABROAD, FILLER, TAIWAN

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class CrawlBench:
    pages: int
    seconds: float
    peak_rss_mb: float
    new: int

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds


def page(n: int) -> bytes:
    rng = random.Random(n)
    tw, (city, country) = rng.choice(TAIWAN), rng.choice(ABROAD)
    body = "".join(f"<p>{FILLER} (Paragraph {k} of story {n}.)</p>" for k in range(rng.randint(3, 7)))
    return (f"<html><head><title>Story {n}: {tw} and {city} sign pact</title>"
            f'<meta name="date" content="2026-11-{1 + n % 28:02d}"></head><body><nav>Home | Local | World</nav>'
            f"<article><h1>{tw} and {city} sign pact</h1><p>{tw} and {city} in {country} signed a sister city "
            f"agreement on Friday (story {n}).</p>{body}</article><footer>Fake News, Taipei</footer></body></html>"
            ).encode()


def serve(pages: int) -> None:
    """Serve the site until killed; prints the port first."""
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>/news/{n}.html</loc></url>" for n in range(pages)) + "</urlset>").encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802  (http.server's name)
            if self.path == "/sitemap.xml":
                body, kind = sitemap, "application/xml"
            elif self.path.startswith("/news/"):
                body, kind = page(int(self.path[6:].split(".")[0])), "text/html; charset=utf-8"
            else:
                body, kind = b"", "text/plain"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_port, flush=True)
    server.serve_forever()


def crawl_once(base: str, pages: int, workers: int) -> dict:
    """Crawl the site into a fresh database, in this process; the figures as a dict."""
    import resource

    from flows.crawl import crawl_source, fetcher_for
    from models.settings import load_settings
    from models.sources import SitemapSource

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(database_url=f"sqlite:///{tmp}/bench.db", raw_dir=Path(tmp) / "raw",
                                 requests_per_second=0, fetch_workers=workers)
        source = SitemapSource(name="bench", kind="sitemap", url=f"{base}/sitemap.xml", max_documents=pages)
        fetcher = fetcher_for(source, settings)
        start = time.perf_counter()
        report = crawl_source(source, settings, fetcher)
        seconds = time.perf_counter() - start
        fetcher.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": report.new, "seconds": seconds, "peak_rss_mb": peak, "new": report.new}


def run_crawl_bench(sizes: list[int], workers: int = 8) -> list[CrawlBench]:
    server = subprocess.Popen([sys.executable, "-c", f"from flows.bench_crawl import serve; serve({max(sizes)})"],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        results = []
        for size in sizes:
            code = (f"import json; from flows.bench_crawl import crawl_once; "
                    f"print(json.dumps(crawl_once({base!r}, {size}, {workers})))")
            done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(CrawlBench(size, figures["seconds"], figures["peak_rss_mb"], figures["new"]))
        return results
    finally:
        server.kill()
        server.wait()
