"""URL canonical forms, so the same page is never fetched twice."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that track a click rather than name a page.
TRACKING = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga",
                      "ref_src", "spm"})


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking
    parameters (``utm_*`` and the like), remaining parameters in order."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()  # '[::1', ':99999', ':abc': kept as written for the fetcher to refuse
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return url.strip()  # file:, ftp:, ...: never fetched, kept as written for the refusal
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in TRACKING]
    path = parts.path or ("/" if scheme in DEFAULT_PORTS else "")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


# Country-code domains sold as generic ones name no country.
_GENERIC_CC = frozenset({"io", "co", "tv", "me", "fm", "ai", "ly", "gg", "cc", "ws", "to", "la", "nu", "tk", "eu", "su"})


def site_country(url: str | None) -> str | None:
    """The ISO code of a site's country-code domain ('www.pna.gov.ph' -> 'PH',
    '.uk' -> 'GB'); None for a generic domain or none."""
    try:
        label = (urlsplit(url or "").hostname or "").rsplit(".", 1)[-1]
    except ValueError:
        return None
    if len(label) != 2 or not label.isalpha() or label in _GENERIC_CC:
        return None
    return "GB" if label == "uk" else label.upper()


def counted_countries(codes: list[str], url: str | None) -> Counter:
    """How often a document names each country, its site's own counted once
    ('pna.gov.ph': a bare 'Legazpi' is the Philippine city, not the Spanish one)."""
    counts = Counter(codes)
    if (home := site_country(url)) is not None:
        counts[home] += 1
    return counts
