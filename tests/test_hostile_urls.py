"""The crawler against hostile links: it never reaches this machine or its
networks unless allowed, a malformed URL is a refusal and never a crash,
and a response that drips bytes is cut off at the deadline.

Hostile cases tried so far (add to this table when a probe finds more):

| case | expected |
|---|---|
| link to 127.0.0.1, localhost, 127.1, 0x7f.0.0.1, 2130706433, [::1], [::ffff:127.0.0.1] | refused: private_address |
| link to 169.254.169.254 (cloud metadata), 10.x, 192.168.x, 0.0.0.0 | refused: private_address |
| redirect from the allowed local origin to another local port | refused: private_address |
| connected address is local although the name looked public (DNS rebinding) | refused: private_address |
| http://[::1, http://host:99999/, http://host:abc/, http:///nohost | refused: bad_url |
| a body that drips one byte at a time | refused: timeout at the deadline |
| file:///etc/passwd in a feed | refused: scheme |
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.address_guard import AddressGuard, local_origin
from flows.fetcher import FetchPolicy, Fetcher


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/robots.txt":
            self.send_response(404)
            self.end_headers()
            return
        if self.path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.path.split('/')[2]}/page")
            self.end_headers()
            return
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        body = b"<html><body><p>A page.</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def guarded(**policy) -> Fetcher:
    return Fetcher(FetchPolicy(requests_per_second=0, timeout=2.0, retries=0, **policy))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "0x7f.0.0.1", "2130706433", "[::1]",
                                  "[::ffff:127.0.0.1]", "169.254.169.254", "10.1.2.3", "192.168.0.1", "0.0.0.0"])
def test_no_spelling_of_a_local_or_private_address_is_fetched(host):
    fetcher = guarded()
    result = fetcher.fetch(f"http://{host}:8/secret")
    fetcher.close()
    assert result.refused == "private_address", result


def test_a_running_local_server_is_refused_without_an_allowance(server):
    fetcher = guarded()
    assert fetcher.fetch(f"{server}/page").refused == "private_address"
    fetcher.close()


def test_a_local_source_may_crawl_its_own_origin_and_nothing_else_local(server):
    other = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        own = local_origin(f"{server}/feed.xml")
        fetcher = guarded(guard=AddressGuard(allowed_origins=(own,)))
        assert fetcher.fetch(f"{server}/page").ok
        assert fetcher.fetch(f"http://127.0.0.1:{other.server_port}/page").refused == "private_address"
        # a redirect is checked at every hop
        hop = fetcher.fetch(f"{server}/redirect/{other.server_port}")
        assert hop.refused == "private_address" and str(other.server_port) in hop.final_url
        fetcher.close()
    finally:
        other.shutdown()
        other.server_close()


def test_the_address_actually_connected_to_is_checked_again():
    guard = AddressGuard()
    assert guard.refuses_peer("http://looks-public.example/x", ("127.0.0.1", 80))[0] == "private_address"
    assert guard.refuses_peer("http://looks-public.example/x", ("93.184.216.34", 80)) is None


def test_an_allowed_network_opens_that_network_only(server):
    fetcher = guarded(guard=AddressGuard(allowed_networks=("127.0.0.0/8",)))
    assert fetcher.fetch(f"{server}/page").ok
    assert fetcher.fetch("http://10.1.2.3:8/x").refused == "private_address"
    fetcher.close()


@pytest.mark.parametrize("url", ["http://[::1/x", "http://example.org:99999/", "http://example.org:abc/",
                                 "http:///nohost", "http://exa mple.org/"])
def test_a_malformed_url_is_a_refusal_never_an_exception(url):
    fetcher = guarded()
    result = fetcher.fetch(url)
    fetcher.close()
    assert result.refused in ("bad_url", "dns") and result.detail


def test_a_body_that_drips_is_cut_off_at_the_deadline(server):
    fetcher = guarded(guard=AddressGuard(allowed_networks=("127.0.0.0/8",)), deadline=1.0)
    start = time.monotonic()
    result = fetcher.fetch(f"{server}/drip")
    fetcher.close()
    assert result.refused == "timeout" and "1 s" in result.detail
    assert time.monotonic() - start < 4.0
