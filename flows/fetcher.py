"""A polite, defensive HTTP fetcher: the network edge of crawling.

Only http and https; robots.txt honoured per host (cached, with its
crawl-delay); one request at a time per host at the configured rate, shared
by every thread of a run; timeouts; retries with backoff on 429, 5xx and
connection errors only, honouring Retry-After; redirects followed by hand
(loops and long chains stopped, every hop re-checked); bodies read as a
stream and cut at a size limit after decompression, so a gzip bomb is
refused; declared content types checked against the bytes; conditional GET
with ETag and Last-Modified. Every refusal comes back as a reason code and
a sentence, never as an exception.
"""

from __future__ import annotations

import contextlib
import email.utils
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from extractors.urls import canonical_url
from flows.address_guard import AddressGuard
from flows.connect_watch import PeerRefused, deadline, watch

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_LATE = object()  # what _read returns when the body came too slowly


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # canonical form of the URL asked for
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    charset: str | None = None  # the Content-Type's charset parameter: how the body says it is encoded
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    refused: str | None = None  # reason code: scheme, robots, too_large, redirect_loop, ...
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.refused is None and not self.not_modified and self.body is not None


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = "citypairs/0.2 (research crawler; +https://example.org/citypairs)"
    timeout: float = 20.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    requests_per_second: float = 1.0  # per host; 0 turns the limit off
    retries: int = 3
    backoff: tuple[float, ...] = (1.0, 4.0, 16.0)
    max_retry_after: float = 120.0
    deadline: float = 120.0  # seconds for one response, headers and body together
    guard: AddressGuard = AddressGuard()  # where requests may go (flows/address_guard.py)


class _HostClock:
    """Turns at each host, shared by all threads: one request at a time,
    their starts at least the interval apart."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}

    @contextlib.contextmanager
    def turn(self, host: str, interval: float) -> Iterator[None]:
        """Hold the host for one request (and any wait its answer asks
        for); an interval of 0 means no limit and no turns."""
        if interval <= 0:
            yield
            return
        with self._lock:
            host_lock = self._hosts.setdefault(host, threading.Lock())
        with host_lock:
            delay = self._next.get(host, 0.0) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._next[host] = time.monotonic() + interval
            yield


# One clock per process: every fetcher of a run (one per source, on
# concurrent Prefect tasks) waits its turn for a host on the same clock.
SHARED_CLOCK = _HostClock()


class Fetcher:
    def __init__(self, policy: FetchPolicy | None = None, client: httpx.Client | None = None,
                 clock: _HostClock | None = None):
        self.policy = policy or FetchPolicy()
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
        self.client = client or httpx.Client(timeout=self.policy.timeout, follow_redirects=False, limits=limits,
                                             headers={"User-Agent": self.policy.user_agent})
        self.clock = clock or SHARED_CLOCK
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()
        self._delays: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        try:
            return self._fetch(canonical_url(url), etag, last_modified)
        except (ValueError, httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            # Whatever a hostile link looks like, it is a refusal, never a crash.
            return FetchResult(url, refused="bad_url", detail=f"{url}: {exc}")

    def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        seen: list[str] = []
        current = url
        while True:
            refusal = self._check(current)
            if refusal:
                return FetchResult(url, current, refused=refusal[0], detail=refusal[1])
            seen.append(current)
            result = self._get(url, current, etag, last_modified)
            if result.refused or result.status not in (301, 302, 303, 307, 308):
                return result
            target = canonical_url(urljoin(current, result.final_url or ""))
            if target in seen:
                return FetchResult(url, target, refused="redirect_loop",
                                   detail=f"{url} redirects back to {target}")
            if len(seen) > self.policy.max_redirects:
                return FetchResult(url, target, refused="too_many_redirects",
                                   detail=f"{url} redirects more than {self.policy.max_redirects} times")
            current = target

    # -- checks before a request ---------------------------------------------
    def _check(self, url: str) -> tuple[str, str] | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "scheme", f"{url}: only http and https are fetched"
        refused = self.policy.guard.refusal(url)
        if refused:
            return refused
        robots = self._robots_for(parts.scheme, parts.netloc)
        if robots is not None and not robots.can_fetch(self.policy.user_agent, url):
            return "robots", f"{url} is disallowed by {parts.netloc}/robots.txt"
        return None

    def _robots_for(self, scheme: str, host: str) -> RobotFileParser | None:
        with self._robots_lock:
            if host in self._robots:
                return self._robots[host]
        parser: RobotFileParser | None = RobotFileParser()
        try:
            robots_url = f"{scheme}://{host}/robots.txt"
            # robots.txt is a request like any other: its turn, its deadline, its address checked
            with self.clock.turn(host, self._interval(host)), deadline(self.policy.deadline):
                response = self.client.get(robots_url, extensions=watch(self.policy.guard, robots_url))
            if response.status_code >= 400:
                parser = None  # no robots.txt: everything allowed
            else:
                parser.parse(response.text.splitlines())
                parser.modified()
                with self._robots_lock:
                    self._delays[host] = _crawl_delay(response.text, self.policy.user_agent)
        except (httpx.HTTPError, PeerRefused):
            parser = None
        with self._robots_lock:
            self._robots[host] = parser
        return parser

    def _interval(self, host: str) -> float:
        rate = self.policy.requests_per_second
        interval = 1.0 / rate if rate > 0 else 0.0
        return max(interval, self._delays.get(host, 0.0))

    # -- the request -----------------------------------------------------------
    def _get(self, url: str, current: str, etag: str | None, last_modified: str | None) -> FetchResult:
        host = urlsplit(current).netloc
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.policy.retries + 1):
            with self.clock.turn(host, self._interval(host)):
                started = time.monotonic()
                try:
                    # The connected address is checked before the request is sent, and the
                    # deadline bounds headers and body together (flows/connect_watch.py).
                    with deadline(self.policy.deadline), self.client.stream(
                            "GET", current, headers=headers,
                            extensions=watch(self.policy.guard, current)) as response:
                        status = response.status_code
                        if status in RETRY_STATUS and attempt < self.policy.retries:
                            time.sleep(self._retry_delay(response, attempt))
                            continue
                        if status in (301, 302, 303, 307, 308):
                            return FetchResult(url, response.headers.get("location", ""), status=status)
                        if status == 304:
                            return FetchResult(url, current, status=304, not_modified=True, etag=etag,
                                               last_modified=last_modified)
                        if status >= 400:
                            return FetchResult(url, current, status=status, refused="http_error",
                                               detail=f"{current} answered HTTP {status}")
                        body = self._read(response, started)
                        if body is _LATE:
                            return FetchResult(url, current, status=status, refused="timeout",
                                               detail=f"{current} took more than {self.policy.deadline:g} s")
                        if body is None:
                            return FetchResult(url, current, status=status, refused="too_large",
                                               detail=f"{current} is larger than {self.policy.max_bytes:,} bytes")
                        declared = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
                        mismatch = _type_mismatch(declared, body)
                        if mismatch:
                            return FetchResult(url, current, status=status, content_type=declared,
                                               refused="content_type", detail=f"{current}: {mismatch}")
                        return FetchResult(url, current, status=status, content_type=declared, body=body,
                                           charset=response.charset_encoding,
                                           etag=response.headers.get("etag"),
                                           last_modified=response.headers.get("last-modified"))
                except PeerRefused as refused:
                    return FetchResult(url, current, refused=refused.reason, detail=refused.detail)
                except (httpx.TransportError, httpx.DecodingError) as exc:
                    if time.monotonic() - started >= self.policy.deadline:
                        return FetchResult(url, current, refused="timeout",
                                           detail=f"{current} took more than {self.policy.deadline:g} s")
                    if attempt < self.policy.retries and not isinstance(exc, httpx.DecodingError):
                        time.sleep(self.policy.backoff[min(attempt, len(self.policy.backoff) - 1)])
                        continue
                    kind = "timeout" if isinstance(exc, httpx.TimeoutException) else "connection"
                    return FetchResult(url, current, refused=kind, detail=f"{current}: {type(exc).__name__}")
        return FetchResult(url, current, refused="http_error", detail=f"{current}: retries exhausted")

    def _read(self, response: httpx.Response, started: float) -> bytes | object | None:
        """The decoded body; None past the size limit (checked while
        decompressing, so a small gzip that expands without end stops early),
        ``_LATE`` past the deadline (a server that drips a byte at a time
        never trips the per-read timeout)."""
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.policy.max_bytes \
                and "content-encoding" not in response.headers:
            return None
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            if time.monotonic() - started > self.policy.deadline:
                return _LATE
            size += len(chunk)
            if size > self.policy.max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float:
        header = response.headers.get("retry-after")
        if header:
            if header.strip().isdigit():
                return min(float(header), self.policy.max_retry_after)
            when = email.utils.parsedate_to_datetime(header)
            if when is not None:
                return min(max(0.0, when.timestamp() - time.time()), self.policy.max_retry_after)
        return self.policy.backoff[min(attempt, len(self.policy.backoff) - 1)]


def _crawl_delay(robots_txt: str, user_agent: str) -> float:
    """The Crawl-delay for our agent or '*', in seconds; fractions allowed
    (the standard library's parser reads whole seconds only)."""
    ours = user_agent.split("/")[0].lower()
    agents: list[str] = []
    delay, in_rules = 0.0, False
    for raw in robots_txt.splitlines():
        key, _, value = raw.split("#")[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            agents = [] if in_rules else agents
            in_rules = False
            agents.append(value.lower())
        elif key:
            in_rules = True
            if key == "crawl-delay" and ("*" in agents or ours in agents):
                try:
                    delay = max(delay, float(value))
                except ValueError:
                    pass
    return delay


def _type_mismatch(declared: str, body: bytes) -> str | None:
    is_pdf = body.lstrip()[:5] == b"%PDF-"
    if declared == "application/pdf" and not is_pdf:
        return "served as application/pdf but the bytes are not a PDF"
    if declared.startswith("text/") and is_pdf:
        return f"served as {declared} but the bytes are a PDF"
    return None
