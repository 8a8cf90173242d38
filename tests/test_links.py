"""Turning the bytes of feeds, sitemaps and listing pages into the links they
offer, offline, including the hostile ones (bombs, broken markup, odd schemes)."""

from __future__ import annotations

import gzip
import time
import tracemalloc

import pytest

from extractors.links import (Link, LinkError, Sitemap, feed_links, listing_links, maybe_gunzip,
                              next_page, sitemap_links)

SITE = "https://news.example.tw/list/index.html"
SM = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_a_gzip_sitemap_gives_pages_with_lastmod_and_ignores_images_and_repeats():
    body = gzip.compress(f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset {SM} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>
      https://News.Example.tw/a/1.html?utm_source=sitemap
  </loc><lastmod>2024-03-01</lastmod>
    <image:image><image:loc>https://cdn.example.tw/1.jpg</image:loc></image:image></url>
  <url><loc>/a/2.html</loc></url>
  <url><loc>https://news.example.tw/a/1.html</loc></url>
</urlset>""".encode())
    assert sitemap_links(body, "https://news.example.tw/sitemap.xml.gz") == Sitemap(
        links=[Link("https://news.example.tw/a/1.html", lastmod="2024-03-01"),
               Link("https://news.example.tw/a/2.html")],
        children=[])


def test_a_sitemap_without_the_namespace_is_read_the_same_way():
    body = b"<urlset><url><loc>https://a.example/1</loc><lastmod>2024-01-02T03:04:05+08:00</lastmod></url></urlset>"
    assert sitemap_links(body, "https://a.example/sitemap.xml").links == [
        Link("https://a.example/1", lastmod="2024-01-02T03:04:05+08:00")]


def test_a_sitemap_index_gives_its_child_sitemaps_and_no_pages():
    body = f"""<sitemapindex {SM}>
  <sitemap><loc> https://a.example/sitemap-1.xml.gz </loc><lastmod>2024-01-01</lastmod></sitemap>
  <sitemap><loc>/sitemap-2.xml</loc></sitemap>
</sitemapindex>""".encode()
    assert sitemap_links(body, "https://a.example/sitemap.xml") == Sitemap(
        links=[], children=["https://a.example/sitemap-1.xml.gz", "https://a.example/sitemap-2.xml"])


def test_a_news_sitemap_gives_titles_and_publication_dates():
    body = f"""<urlset {SM} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://a.example/n/7</loc>
    <news:news><news:publication><news:name>Daily</news:name><news:language>zh-tw</news:language>
      </news:publication><news:publication_date>2024-05-06T10:00:00+08:00</news:publication_date>
      <news:title>高雄市與  宿霧市 締結姊妹市</news:title></news:news></url>
</urlset>""".encode()
    assert sitemap_links(body, "https://a.example/news-sitemap.xml").links == [
        Link("https://a.example/n/7", title="高雄市與 宿霧市 締結姊妹市",
             published="2024-05-06T10:00:00+08:00")]


def test_a_page_that_is_not_a_sitemap_is_refused_naming_its_url():
    with pytest.raises(LinkError, match=r"https://a\.example/sitemap\.xml is not a sitemap"):
        sitemap_links(b"<html><body><a href='/x'>x</a></body></html>", "https://a.example/sitemap.xml")


def test_a_sitemap_does_not_resolve_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
            f'<urlset {SM}><url><loc>https://a.example/&x;</loc></url></urlset>').encode()
    urls = [link.url for link in sitemap_links(body, "https://a.example/s.xml").links]
    assert not any("TOP-SECRET" in url for url in urls)


def test_a_gzip_bomb_is_stopped_at_the_limit_without_inflating_it_all():
    bomb = gzip.compress(bytes(60_000_000), compresslevel=9)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(LinkError, match="1000000 bytes"):
            maybe_gunzip(bomb, max_bytes=1_000_000)
        elapsed, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 10_000_000  # inflating it all would take 60 MB
    with pytest.raises(LinkError, match="https://a.example/bomb.xml.gz"):
        sitemap_links(bomb, "https://a.example/bomb.xml.gz", max_bytes=1_000_000)


def test_gunzip_leaves_plain_bodies_alone_and_refuses_corrupt_or_truncated_ones():
    assert maybe_gunzip(b"<urlset/>", max_bytes=10) == b"<urlset/>"
    assert maybe_gunzip(gzip.compress(b"a") + gzip.compress(b"b"), max_bytes=10) == b"ab"
    with pytest.raises(LinkError, match="truncated"):
        maybe_gunzip(gzip.compress(b"hello world" * 100)[:30], max_bytes=10_000)
    with pytest.raises(LinkError, match="corrupt"):
        maybe_gunzip(b"\x1f\x8b" + b"\xff" * 40, max_bytes=10_000)


def test_an_rss_2_feed_gives_absolute_links_plain_text_and_iso_dates_and_skips_linkless_entries():
    body = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>Kaohsiung &amp; Cebu</title><link>/news/1.html?utm_medium=rss</link>
  <description>&lt;p&gt;Signed &lt;b&gt;on   Friday&lt;/b&gt;&lt;/p&gt;</description>
  <pubDate>Fri, 01 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>No link here</title></item>
<item><title>Again</title><link>https://news.example.tw/news/1.html</link></item>
<item><title>Undated: 1 &lt; 2</title><link>news/2.html</link></item>
</channel></rss>"""
    assert feed_links(body, SITE) == [
        Link("https://news.example.tw/news/1.html", title="Kaohsiung & Cebu", summary="Signed on Friday",
             published="2024-03-01T09:30:00"),
        Link("https://news.example.tw/list/news/2.html", title="Undated: 1 < 2"),
    ]


def test_an_rss_1_feed_gives_its_items():
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://a.example/"><title>t</title><link>https://a.example/</link></channel>
  <item rdf:about="https://a.example/1"><title>Tainan twins with Sendai</title>
    <link>https://a.example/1</link><dc:date>2024-02-03T04:05:06Z</dc:date></item>
</rdf:RDF>"""
    assert feed_links(body, "https://a.example/rss") == [
        Link("https://a.example/1", title="Tainan twins with Sendai", published="2024-02-03T04:05:06")]


def test_an_atom_feed_resolves_relative_links_and_falls_back_to_the_updated_date():
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2024-01-01T00:00:00Z</updated>
  <entry><title type="html">Taichung &lt;em&gt;signs&lt;/em&gt;</title><id>1</id>
    <link rel="alternate" href="/atom/1"/><updated>2024-04-05T06:07:08+02:00</updated>
    <summary>MOU</summary></entry>
  <entry xml:base="https://other.example/dir/"><title>Based</title><id>2</id><link href="2.html"/>
    <updated>2024-04-06T00:00:00Z</updated></entry>
</feed>"""
    assert feed_links(body, "https://a.example/feeds/atom.xml") == [
        Link("https://a.example/atom/1", title="Taichung signs", summary="MOU", published="2024-04-05T04:07:08"),
        Link("https://other.example/dir/2.html", title="Based", published="2024-04-06T00:00:00"),
    ]


def test_a_feed_with_broken_xml_still_gives_the_entries_it_could_read():
    body = (b'<rss version="2.0"><channel><title>t</title><item><title>Hsinchu &amp Gilroy</title>'
            b"<link>https://a.example/ok</link></item><item><title>cut off")
    assert [link.url for link in feed_links(body, "https://a.example/rss")] == ["https://a.example/ok"]


def test_a_body_that_is_not_a_feed_is_refused_naming_its_url():
    with pytest.raises(LinkError, match=r"https://a\.example/rss is not an RSS or Atom feed \(.+\)"):
        feed_links(b"\x00\x01 this is not xml at all {", "https://a.example/rss")


def test_a_feed_body_that_looks_like_a_file_name_is_never_opened(tmp_path):
    planted = tmp_path / "feed.xml"
    planted.write_bytes(b'<rss version="2.0"><channel><item><link>https://evil.example/</link></item>'
                        b"</channel></rss>")
    with pytest.raises(LinkError):
        feed_links(str(planted).encode(), "https://a.example/rss")


LISTING = """<html><head><title>List</title></head><body>
<nav><a href="/about">About</a><a href="javascript:void(0)">Menu</a></nav>
<ul class="news">
  <li><a href="/n/1?fbclid=zz"><img src="t.jpg"></a> <a href="/n/1">Kaohsiung   signs
      with Cebu</a></li>
  <li><a href="n/2" title="Second">  </a></li>
  <li><a href="#top">Top</a><a href="mailto:desk@a.example">Mail</a><a href="tel:+886">Call</a></li>
  <li><a href="file:///etc/passwd">A file</a></li>
</ul>
<footer><a href="/n/9">Footer story</a></footer></body></html>"""


def test_a_css_selector_on_a_container_takes_the_links_inside_it_with_their_titles():
    assert listing_links(LISTING.encode(), "https://a.example/list/", selector="ul.news li") == [
        Link("https://a.example/n/1", title="Kaohsiung signs with Cebu"),
        Link("https://a.example/list/n/2", title="Second"),
        Link("file:///etc/passwd", title="A file"),
    ]


def test_a_css_selector_on_anchors_takes_those_anchors():
    assert [link.url for link in listing_links(LISTING.encode(), "https://a.example/", selector="footer a")] == [
        "https://a.example/n/9"]


def test_a_pattern_keeps_only_matching_absolute_urls_and_no_selector_means_the_whole_page():
    body = LISTING.encode()
    assert [link.url for link in listing_links(body, "https://a.example/", pattern=r"^https://a\.example/n/")] == [
        "https://a.example/n/1", "https://a.example/n/2", "https://a.example/n/9"]
    assert [link.url for link in listing_links(body, "https://a.example/")] == [
        "https://a.example/about", "https://a.example/n/1", "https://a.example/n/2", "file:///etc/passwd",
        "https://a.example/n/9"]


def test_links_resolve_against_the_documents_base_href():
    body = b'<html><head><base href="https://cdn.example/mirror/"></head><body><a href="x.html">X</a></body></html>'
    assert listing_links(body, "https://a.example/list/") == [Link("https://cdn.example/mirror/x.html", "X")]


def test_a_big5_page_gives_its_chinese_anchor_text():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>'
            '<a href="/n/3">臺南市與日本仙台市  締結友好城市</a></body></html>')
    assert listing_links(page.encode("big5"), "https://a.example/") == [
        Link("https://a.example/n/3", title="臺南市與日本仙台市 締結友好城市")]


def test_a_utf8_page_with_a_meta_charset_gives_its_chinese_anchor_text():
    page = '<html><head><meta charset="utf-8"></head><body><a href="/n/4">新竹市與美國吉爾羅伊市</a></body></html>'
    assert listing_links(page.encode(), "https://a.example/")[0].title == "新竹市與美國吉爾羅伊市"


def test_empty_and_broken_html_give_what_they_can_without_raising():
    assert listing_links(b"", "https://a.example/") == []
    assert listing_links(b"  \n\t ", "https://a.example/") == []
    broken = b"<div><a href='/x'>X</a><p><a href=/y>Y</table></span><a href='/z"
    assert [link.url for link in listing_links(broken, "https://a.example/")][:2] == [
        "https://a.example/x", "https://a.example/y"]


def test_an_unparseable_url_is_kept_raw_for_the_crawler_to_refuse():
    body = b'<a href="http://a.example:99999/x">bad port</a>'
    assert listing_links(body, "https://a.example/") == [Link("http://a.example:99999/x", "bad port")]


def test_an_invalid_css_selector_or_pattern_is_an_error_that_quotes_it():
    with pytest.raises(LinkError, match=r"invalid CSS selector 'ul\.news >>> li': "):
        listing_links(LISTING.encode(), "https://a.example/", selector="ul.news >>> li")
    with pytest.raises(LinkError, match="invalid link pattern"):
        listing_links(LISTING.encode(), "https://a.example/", pattern="(unclosed")


def test_the_next_page_is_found_by_rel_next():
    body = b'<html><head><link rel="next" href="?page=2&utm_source=x"></head><body></body></html>'
    assert next_page(body, "https://a.example/list?page=1") == "https://a.example/list?page=2"
    body = b'<a href="/p/1">1</a><a rel="Next nofollow" href="/p/3">3</a>'
    assert next_page(body, "https://a.example/p/2") == "https://a.example/p/3"


def test_the_next_page_is_found_by_the_text_of_its_link():
    body = '<a href="/p/1">上一頁</a><a href="/p/3"> 下一頁 </a>'.encode()
    assert next_page(body, "https://a.example/p/2") == "https://a.example/p/3"
    assert next_page(b'<a href="/p/1">Prev</a><a href="/p/3">NEXT Page</a>', "https://a.example/p/2") == (
        "https://a.example/p/3")
    assert next_page('<a href="/p/3">»</a>'.encode(), "https://a.example/p/2") == "https://a.example/p/3"


def test_the_next_page_is_found_by_a_selector_on_the_link_or_its_container():
    body = b'<div class="pager"><span>2</span><a href="/p/3">3</a><a href="/p/4">4</a></div>'
    assert next_page(body, "https://a.example/p/2", selector="div.pager") == "https://a.example/p/3"
    assert next_page(body, "https://a.example/p/2", selector="a[href$='4']") == "https://a.example/p/4"


def test_the_last_page_has_no_next_page():
    assert next_page(b'<a href="/p/1">Previous</a><a href="#">Next</a>', "https://a.example/p/9") is None
    assert next_page(b'<link rel="next" href="/p/9">', "https://a.example/p/9") is None
    assert next_page(b"", "https://a.example/p/9") is None
    with pytest.raises(LinkError, match="invalid CSS selector"):
        next_page(b"<a href='/x'>x</a>", "https://a.example/", selector="[")


def test_an_entry_with_an_unresolved_entity_is_skipped_and_the_rest_are_kept():
    body = ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<urlset {SM}><url><loc>https://a.example/1</loc></url><url><loc>https://a.example/&x;</loc></url>'
            '<url><loc>https://a.example/3</loc></url></urlset>').encode()
    urls = [link.url for link in sitemap_links(body, "https://a.example/s.xml").links]
    assert urls == ["https://a.example/1", "https://a.example/3"]  # not the bare 'https://a.example/'
