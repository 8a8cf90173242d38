"""The links a crawl entry page offers: a feed, a sitemap or an HTML listing.

Pure functions over bytes, so fetching (and deciding what may be fetched)
stays in the crawler and every parser here can be tested offline."""

from __future__ import annotations

import codecs
import io
import logging
import re
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector, SelectorError

from extractors.urls import canonical_url

SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "data:")
NEXT_TEXTS = frozenset({"next", "next page", "›", "»", "下一頁", "下頁", "下一页"})
# Declared charsets that real pages stretch past; decode with the superset.
WIDER_CODECS = {"big5": "cp950", "gb2312": "gb18030", "gbk": "gb18030"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)

log = logging.getLogger(__name__)


class LinkError(ValueError):
    """The bytes are not what the page's kind promised."""


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    title: str = ""
    summary: str = ""
    published: str | None = None
    lastmod: str | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    links: list[Link]
    children: list[str]


def _absolute(base: str, href: str) -> str | None:
    """Canonical where possible; an odd URL is kept raw so the crawler can say why it refuses it."""
    try:
        joined = urljoin(base, href.strip())
    except ValueError:
        return None
    try:
        return canonical_url(joined)
    except ValueError:
        return joined


def _plain(entry: dict, key: str) -> str:
    """An entry field as text; tags are stripped only where feedparser says it is HTML,
    so a plain title such as "P<0.05" keeps its characters."""
    value = entry.get(key) or ""
    if "html" in (entry.get(f"{key}_detail") or {}).get("type", "") and value.strip():
        try:
            value = lxml_html.fragment_fromstring(value, create_parent="div").text_content()
        except (etree.LxmlError, ValueError):
            value = re.sub(r"<[^>]*>", " ", value)
    return " ".join(value.split())


def _unique(links: Iterable[Link]) -> list[Link]:
    """First place wins, but a later title fills an empty one (thumbnail then headline)."""
    seen: dict[str, Link] = {}
    for link in links:
        if link.url not in seen:
            seen[link.url] = link
        elif not seen[link.url].title and link.title:
            seen[link.url] = replace(seen[link.url], title=link.title)
    return list(seen.values())


def feed_links(body: bytes, base_url: str) -> list[Link]:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed; lenient, as feeds in the wild are."""
    # A stream, never bytes: feedparser tries to open bytes as a file name first.
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url})
    if not parsed.entries and not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "no entries and no feed version"
        raise LinkError(f"{base_url} is not an RSS or Atom feed ({reason})")
    links = []
    for entry in parsed.entries:
        url = _absolute(base_url, entry.get("link") or "")
        if not entry.get("link") or not url:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append(Link(url=url, title=_plain(entry, "title"),
                          summary=_plain(entry, "summary"),
                          published=time.strftime("%Y-%m-%dT%H:%M:%S", stamp) if stamp else None))
    return _unique(links)


def maybe_gunzip(body: bytes, *, max_bytes: int) -> bytes:
    """Inflate a gzip body in bounded steps, so a bomb stops at ``max_bytes``."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    out = bytearray()
    pending = body
    try:
        while pending:
            inflater = zlib.decompressobj(wbits=31)
            while pending and not inflater.eof:
                out += inflater.decompress(pending, max_bytes + 1 - len(out))
                if len(out) > max_bytes:
                    raise LinkError(f"gzip body inflates past {max_bytes} bytes")
                pending = inflater.unconsumed_tail
            if not inflater.eof:
                raise LinkError("gzip body is truncated")
            pending = inflater.unused_data  # a further gzip member, if any
    except zlib.error as exc:
        raise LinkError(f"gzip body is corrupt ({exc})") from exc
    return bytes(out)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    """Text of a direct child in the element's own namespace (so image:loc is never a page)."""
    namespace = etree.QName(element).namespace
    for child in element:
        if _local(child) == name and etree.QName(child).namespace == namespace:
            if any(isinstance(part, etree._Entity) for part in child):
                # An entity left unresolved ('https://a.example/&x;'): the text
                # around it is not the address the sitemap meant.
                log.warning("sitemap entry %r names an XML entity; skipped", (child.text or "")[:200])
                return None
            return (child.text or "").strip() or None
    return None


def sitemap_links(body: bytes, base_url: str, *, max_bytes: int = 50_000_000) -> Sitemap:
    """Pages of a urlset (with Google News titles and dates) or children of a sitemap index."""
    try:
        body = maybe_gunzip(body, max_bytes=max_bytes)
        if len(body) > max_bytes:
            raise LinkError(f"body is larger than {max_bytes} bytes")
    except LinkError as exc:
        raise LinkError(f"sitemap {base_url} is unusable: {exc}") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise LinkError(f"{base_url} is not a sitemap ({exc})") from exc
    kind = _local(root) if root is not None else ""
    if kind not in ("urlset", "sitemapindex"):
        raise LinkError(f"{base_url} is not a sitemap (root element is {kind or 'missing'!r})")
    wanted = "url" if kind == "urlset" else "sitemap"
    links = []
    for entry in root:
        loc = _child_text(entry, "loc") if _local(entry) == wanted else None
        url = _absolute(base_url, loc) if loc else None
        if not url:
            continue
        title, published = "", None
        for news in (child for child in entry if _local(child) == "news"):
            title = " ".join((news.findtext("{*}title") or "").split())
            published = (news.findtext("{*}publication_date") or "").strip() or None
        links.append(Link(url=url, title=title, published=published,
                          lastmod=_child_text(entry, "lastmod")))
    if kind == "sitemapindex":
        return Sitemap(links=[], children=[link.url for link in _unique(links)])
    return Sitemap(links=_unique(links), children=[])


def _document(body: bytes) -> lxml_html.HtmlElement | None:
    """Parse HTML in its declared charset (or UTF-8); None where there is no document at all."""
    if not body.strip():
        return None
    found = None if body.startswith(codecs.BOM_UTF8) else META_CHARSET.search(body[:4096])
    name = found.group(1).decode("ascii").lower() if found else "utf-8-sig"
    try:
        text = body.decode(WIDER_CODECS.get(name, name), "replace")
    except LookupError:
        text = body.decode("utf-8-sig", "replace")
    try:
        return lxml_html.document_fromstring(text.encode("utf-8"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.LxmlError, ValueError):
        return None


def _anchors(root: lxml_html.HtmlElement, selector: str | None) -> Iterator[lxml_html.HtmlElement]:
    """Anchors with an href that leads to another page, in document order."""
    if selector is None:
        scopes: Iterable[lxml_html.HtmlElement] = [root]
    else:
        try:
            scopes = CSSSelector(selector)(root)
        except (SelectorError, etree.XPathError) as exc:
            raise LinkError(f"invalid CSS selector {selector!r}: {exc}") from exc
    for scope in scopes:
        yield from (anchor for anchor in scope.iter("a") if _leads_away(anchor))


def _leads_away(element: lxml_html.HtmlElement) -> bool:
    """An href that names another page: not empty, a fragment, a script or an address."""
    href = (element.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and not href.lower().startswith(SKIPPED_SCHEMES)


def _base(root: lxml_html.HtmlElement, base_url: str) -> str:
    for element in root.iter("base"):
        if element.get("href", "").strip():
            return urljoin(base_url, element.get("href").strip())
    return base_url


def listing_links(body: bytes, base_url: str, *, selector: str | None = None,
                  pattern: str | None = None) -> list[Link]:
    """Links of an HTML listing page, narrowed by a CSS selector and/or a URL regex."""
    try:
        wanted = re.compile(pattern) if pattern is not None else None
    except re.error as exc:
        raise LinkError(f"invalid link pattern {pattern!r}: {exc}") from exc
    root = _document(body)
    if root is None:
        return []
    base = _base(root, base_url)
    links = []
    for anchor in _anchors(root, selector):
        url = _absolute(base, anchor.get("href"))
        if url and (wanted is None or wanted.search(url)):
            text = anchor.text_content().strip() or anchor.get("title", "")
            title = " ".join(text.split())
            links.append(Link(url=url, title=title))
    return _unique(links)


def next_page(body: bytes, base_url: str, *, selector: str | None = None) -> str | None:
    """URL of the next page of a paginated listing, or None on the last page."""
    root = _document(body)
    if root is None:
        return None
    base = _base(root, base_url)
    if selector is not None:
        candidates = list(_anchors(root, selector))
    else:
        candidates = [element for element in root.iter("link", "a")
                      if "next" in element.get("rel", "").lower().split() and _leads_away(element)]
        candidates += [anchor for anchor in _anchors(root, None)
                       if " ".join(anchor.text_content().split()).casefold() in NEXT_TEXTS]
    for element in candidates:
        url = _absolute(base, element.get("href"))
        if url and url != _absolute(base_url, ""):  # a link back to this page would loop
            return url
    return None
