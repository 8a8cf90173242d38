"""Deeply nested HTML: text under 100,000 nested elements is read, not lost as 'empty'.

lxml stops building a tree a few hundred levels down, and trafilatura reads
lxml's tree; the flat reader in extractors/html_text.py takes over there."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from extractors.documents import parse_document
from extractors.html_text import flat_text, too_deep
from flows.ingest import discover, ingest_files
from models import schema as t
from models.errors import DocumentRejected
from models.settings import load_settings
from models.store import Store

STORY = "Hualien County and the City of Sendai signed a sister city agreement on tourism."
DEPTH = 100_000


def nested(inner: str, depth: int = DEPTH, tag: str = "div", head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head>{head}</head><body>" + f"<{tag}>" * depth + inner
            + f"</{tag}>" * depth + "</body></html>").encode("utf-8")


class TestDeepPages:
    def test_a_paragraph_under_100k_divs_is_read(self):
        started = time.monotonic()
        doc = parse_document(nested(f"<p>{STORY}</p>"), "deep.html")
        assert doc.text == STORY
        assert doc.lang == "en" and doc.encoding == "utf-8"
        assert time.monotonic() - started < 20, "one linear pass, not a tree walk"

    def test_the_title_still_comes_out(self):
        page = nested(f"<p>{STORY}</p>", head="<title>Hualien  &amp; Sendai</title>")
        doc = parse_document(page, "deep.html")
        assert doc.title == "Hualien & Sendai"
        assert "Hualien & Sendai" not in doc.text, "the title is not body text"

    def test_scripts_styles_and_templates_inside_the_nesting_are_dropped(self):
        inner = (f"<style>p {{ color: red }}</style><p>{STORY}</p><script>track('<div>');</script>"
                 "<noscript><p>Enable JavaScript</p></noscript><template><p>hidden row</p></template>"
                 "<p>The mayors met in Sendai.</p>")
        doc = parse_document(nested(inner, head="<script>var analytics = 1;</script>"), "deep.html")
        assert doc.text == f"{STORY}\nThe mayors met in Sendai."
        for hidden in ("color", "track", "analytics", "JavaScript", "hidden row"):
            assert hidden not in doc.text

    def test_block_elements_start_new_lines_and_inline_ones_do_not(self):
        inner = ("<h1>Sister cities</h1><p>Hualien <b>and</b> <a href='/s'>Sendai</a></p>"
                 "<ul><li>tourism</li><li>youth&nbsp;exchange</li></ul>line<br>break")
        doc = parse_document(nested(inner, depth=5_000, tag="section"), "deep.html")
        assert doc.text.split("\n") == ["Sister cities", "Hualien and Sendai", "tourism",
                                        "youth exchange", "line", "break"]

    def test_deep_nesting_of_unclosed_elements(self):
        # No end tags at all: a browser still shows the text, and so do we.
        page = ("<html><body>" + "<div><span>" * DEPTH + f"<p>{STORY}").encode("utf-8")
        assert parse_document(page, "unclosed.html").text == STORY

    def test_a_deep_page_with_nothing_visible_is_still_empty(self):
        with pytest.raises(DocumentRejected) as info:
            parse_document(nested("<script>only()</script>"), "deep.html")
        assert info.value.reason == "empty"


class TestFlatReader:
    def test_depth_is_counted_not_walked(self):
        assert not too_deep("<div>" * 100 + "</div>" * 100)
        assert too_deep("<div>" * 1_000)
        assert not too_deep("<p>x" * 10_000), "elements whose end tag may be left out do not nest"
        assert not too_deep("<div></div>" * 10_000), "siblings are not depth"

    def test_hostile_markup_is_read_in_linear_time(self):
        started = time.monotonic()
        for page in ("<!--" * 200_000, "<div class='" + "x" * 2_000_000, "<div" * 300_000,
                     "<script>" * 300_000, "a < b " * 300_000):
            flat_text(page)
            too_deep(page)
        assert time.monotonic() - started < 20

    def test_entities_and_the_first_title(self):
        flat = flat_text("<title>Taipei &amp; Prague</title><body><p>Caf&eacute; &lt;Praha&gt;</p>"
                         "<svg><title>icon</title></svg></body>")
        assert flat.title == "Taipei & Prague"
        assert flat.text == "Café <Praha>"


def test_a_deep_page_goes_through_ingest_with_its_text(tmp_path, sqlite_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "deep.html").write_bytes(nested(f"<p>{STORY}</p>", head="<title>Sister cities</title>"))
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n', encoding="utf-8")
    settings = load_settings(database_url=sqlite_url, sources_path=tmp_path / "sources.toml",
                             raw_dir=tmp_path / "raw")

    report = ingest_files(discover(settings), settings)

    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        row = conn.execute(select(t.documents)).one()
    store.close()
    assert report.new == 1
    assert (row.status, row.reason) == ("ingested", None)
    assert row.text == STORY and row.title == "Sister cities"
