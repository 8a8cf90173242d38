"""Where the crawler may connect: never to this machine or its networks
unless told so.

A feed, sitemap or page found on the web is hostile input: a link (or a
redirect) to ``127.0.0.1``, ``localhost``, ``2130706433``, ``[::ffff:127.0.0.1]``,
``169.254.169.254`` or a private network would turn the crawler against the
machine it runs on and serve what it read to every analyst. Names are
resolved and every address they resolve to is checked, whatever its
spelling; the fetcher checks the address it actually connected to again,
so a name that resolves differently a moment later (DNS rebinding) gains
nothing. Two allowances: networks the settings list
(``crawl_allowed_networks``), and the origin (host and port) of a source
whose own URL is local, which is how a test site or an intranet source is
crawled.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and 6to4's 2002:7f00:1:: carry an IPv4 address: judge that one
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            address = embedded
    return not (address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
                or address.is_reserved or address.is_unspecified or not address.is_global)


def origin_of(url: str) -> tuple[str, int] | None:
    """(host, port) of a URL, or None where it has no valid one."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    return (host, port) if host and port else None


@dataclass(frozen=True, slots=True)
class AddressGuard:
    allowed_networks: tuple[str, ...] = ()
    allowed_origins: tuple[tuple[str, int], ...] = ()

    def allows_address(self, address: IPAddress, origin: tuple[str, int] | None = None) -> bool:
        if is_public(address) or (origin is not None and origin in self.allowed_origins):
            return True
        return any(address in ipaddress.ip_network(net, strict=False) for net in self.allowed_networks)

    def refusal(self, url: str) -> tuple[str, str] | None:
        """Why the crawler may not request this URL, or None."""
        origin = origin_of(url)
        if origin is None:
            return "bad_url", f"{url}: not a valid http(s) URL (host or port)"
        host, port = origin
        try:
            infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, ValueError) as exc:
            return "dns", f"{url}: host {host} does not resolve ({exc})"
        for address in _addresses(info[4][0] for info in infos):
            if not self.allows_address(address, origin):
                return "private_address", f"{url}: {host} is {address}, a local or private address"
        return None

    def refuses_peer(self, url: str, peer: object) -> tuple[str, str] | None:
        """Check the address a request actually went to."""
        if not isinstance(peer, tuple) or not peer:
            return None
        for address in _addresses([str(peer[0])]):
            if not self.allows_address(address, origin_of(url)):
                return "private_address", f"{url}: connected to {address}, a local or private address"
        return None


def _addresses(raw: Iterable[str]) -> list[IPAddress]:
    out = []
    for text in raw:
        try:
            out.append(ipaddress.ip_address(text.split("%")[0]))  # drop an IPv6 zone
        except ValueError:
            continue
    return out


def local_origin(url: str) -> tuple[str, int] | None:
    """The origin of a source URL that points at a non-public address: the
    one local place that source may crawl."""
    origin = origin_of(url)
    if origin is None:
        return None
    try:
        infos = socket.getaddrinfo(origin[0].strip("[]"), origin[1], type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    return origin if any(not is_public(a) for a in _addresses(i[4][0] for i in infos)) else None
