"""The fetcher checks the address it connected to before it sends a byte,
and one deadline bounds a whole response: headers, body and robots.txt.

Found by the audit of issue 14: the connected address used to be checked
only once the answer's headers were in (the local service had already
received the request), and the deadline was only looked at between body
chunks, so a server dripping its headers or its robots.txt held a fetch
for the per-read timeout of every byte.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from flows.address_guard import AddressGuard
from flows.fetcher import FetchPolicy, Fetcher


class RawServer:
    """A socket server on 127.0.0.1 whose answers are written by hand, one
    connection per thread; it remembers each request line."""

    def __init__(self, answer):
        self.requests: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.answer = answer
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        line = conn.recv(4096).decode("latin-1").split("\r\n")[0]
        self.requests.append(line)
        try:
            self.answer(conn, line)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.sock.close()


def no_robots(conn, line) -> bool:
    if "/robots.txt" in line:
        conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        return True
    return False


def drip_headers(conn, line):
    if no_robots(conn, line):
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    for _ in range(40):
        conn.sendall(b"X-Drip: a\r\n")
        time.sleep(0.25)
    conn.sendall(b"Content-Length: 2\r\n\r\nok")


def drip_robots(conn, line):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for _ in range(40):
        conn.sendall(b"#")
        time.sleep(0.25)


def page(conn, line):
    if no_robots(conn, line):
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>hello</p>")


@pytest.fixture
def serve():
    servers = []

    def start(answer):
        servers.append(RawServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def local_fetcher(**policy) -> Fetcher:
    return Fetcher(FetchPolicy(requests_per_second=0, timeout=5.0, retries=0,
                               guard=AddressGuard(allowed_networks=("127.0.0.0/8",)), **policy))


class LooksPublic(AddressGuard):
    """A guard whose look-up found a public address: what DNS rebinding
    shows the guard before the name turns local."""

    def refusal(self, url):
        return None


def test_a_name_that_turns_local_after_the_check_never_receives_the_request(serve):
    server = serve(page)
    fetcher = Fetcher(FetchPolicy(requests_per_second=0, timeout=5.0, retries=0, guard=LooksPublic()))
    result = fetcher.fetch(f"http://127.0.0.1:{server.port}/admin/delete-everything")
    fetcher.close()
    assert result.refused == "private_address" and "connected to 127.0.0.1" in result.detail
    # it was connected to (that is how the address is known) but got not one byte
    assert [line for line in server.requests if line] == [], "no request reached it, not even for robots.txt"


def test_headers_that_drip_are_cut_at_the_deadline(serve):
    server = serve(drip_headers)
    fetcher = local_fetcher(deadline=1.0)
    start = time.monotonic()
    result = fetcher.fetch(f"http://127.0.0.1:{server.port}/page")
    fetcher.close()
    assert result.refused == "timeout" and "more than 1 s" in result.detail
    assert time.monotonic() - start < 3.0, "cut at the deadline, not when the headers end"


def test_a_robots_txt_that_drips_is_cut_at_the_deadline(serve):
    server = serve(drip_robots)
    fetcher = local_fetcher(deadline=1.0)
    start = time.monotonic()
    result = fetcher.fetch(f"http://127.0.0.1:{server.port}/page")
    fetcher.close()
    assert result.refused == "timeout"
    assert time.monotonic() - start < 4.0, "robots.txt and the page each get one deadline"


def test_a_page_on_a_kept_alive_connection_still_gets_its_own_deadline(serve):
    server = serve(page)
    fetcher = local_fetcher(deadline=1.0)
    for _ in range(3):
        assert fetcher.fetch(f"http://127.0.0.1:{server.port}/page").ok
        time.sleep(0.6)  # together longer than one deadline: each request counts from its own start
    fetcher.close()


@pytest.mark.parametrize("url", ["http://localhost.:18802/x", "http://[2002:7f00:1::1]:18802/x",
                                 "http://[::1]:18802/x", "http://[::1]:99999/x", "http://[::1%25lo]:18802/x"])
def test_more_spellings_of_this_machine_are_refused_never_raised(url):
    fetcher = Fetcher(FetchPolicy(requests_per_second=0, timeout=2.0, retries=0))
    result = fetcher.fetch(url)
    fetcher.close()
    # 'localhost.' does not resolve everywhere; where it does, it is refused as local
    assert result.refused in ("private_address", "bad_url", "dns") and result.detail
