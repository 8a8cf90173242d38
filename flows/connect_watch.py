"""What the fetcher does to every connection httpx opens, through httpcore's
``trace`` request extension (a public hook, so no private transport is
patched):

- the address the socket actually reached is checked against the
  ``AddressGuard`` as soon as it is connected, before a byte of the request
  is sent: a name that resolved to a public address when the guard looked
  and to a local one a moment later (DNS rebinding) never receives the
  request;
- every read on the connection waits no longer than what is left of the
  response's deadline, so a server that drips its headers (or its body, or
  robots.txt) a byte every few seconds is cut at the deadline, not after
  the per-read timeout of each byte.

The deadline lives in a thread-local because a kept-alive connection is
reused by later requests, possibly from other threads, each with its own.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpcore

from flows.address_guard import AddressGuard

_current = threading.local()


class PeerRefused(Exception):
    """A connection reached an address the guard refuses; raised from the
    trace hook, so httpcore drops the connection unused."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Bound every read of this thread's request to ``seconds`` from now;
    yields the start time."""
    started = time.monotonic()
    _current.until = started + seconds
    try:
        yield started
    finally:
        _current.until = None


def past_deadline() -> bool:
    until = getattr(_current, "until", None)
    return until is not None and time.monotonic() >= until


def watch(guard: AddressGuard, url: str) -> dict[str, Callable[[str, dict[str, Any]], None]]:
    """Request extensions that check and bound each new connection for ``url``."""

    def trace(event: str, info: dict[str, Any]) -> None:
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        if stream is None:
            return
        if event == "connection.connect_tcp.complete":
            try:
                peer = stream.get_extra_info("server_addr")
            except OSError as exc:  # the peer is already gone
                stream.close()
                raise PeerRefused("connection", f"{url}: connection lost ({exc})") from exc
            refused = guard.refuses_peer(url, peer)
            if refused:
                stream.close()
                raise PeerRefused(*refused)
        _bound_reads(stream)

    return {"trace": trace}


def _bound_reads(stream: Any) -> None:
    read = stream.read

    def bounded(max_bytes: int, timeout: float | None = None) -> bytes:
        until = getattr(_current, "until", None)
        if until is not None:
            left = until - time.monotonic()
            if left <= 0:
                raise httpcore.ReadTimeout("the response's deadline has passed")
            timeout = left if timeout is None else min(timeout, left)
        return read(max_bytes, timeout)

    stream.read = bounded
