"""extractors.documents: bytes in, ParsedDocument out, or DocumentRejected with a reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import time
from pathlib import Path

import pytest

import fixtures_docs as fx
from extractors.documents import (
    check_size,
    detect_lang,
    parse_document,
    parse_file,
    sniff_media_type,
)
from models.errors import DocumentRejected

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def rejection(path: Path, **kwargs) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as info:
        parse_file(path, **kwargs)
    assert info.value.detail, "every rejection explains itself"
    return info.value


class TestSniffing:
    def test_magic_bytes_win_over_the_extension(self):
        assert sniff_media_type("notes.txt", b"%PDF-1.7\n...") == "application/pdf"
        assert sniff_media_type("page", b"\n<!DOCTYPE html><html><body>x</body></html>") == "text/html"
        assert sniff_media_type("page.txt", b"<html><p>x</p></html>") == "text/html"

    def test_the_extension_decides_otherwise(self):
        assert sniff_media_type("a.md", b"# Title\ntext") == "text/markdown"
        assert sniff_media_type("a.TXT", b"plain") == "text/plain"
        assert sniff_media_type("a.htm", b"plain words") == "text/html"
        assert sniff_media_type("a.pdf", b"garbage") == "application/pdf"

    def test_unknown_extensions_are_text_when_they_look_like_text(self):
        assert sniff_media_type("README", b"Taipei and Prague") == "text/plain"
        assert sniff_media_type("report.docx", b"PK\x03\x04\x00\x00rest") == "application/octet-stream"


class TestHtml:
    def test_title_date_and_story_come_out(self, tmp_path):
        path = fx.article_html(tmp_path)
        doc = parse_file(path)
        assert doc.media_type == "text/html"
        assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert doc.title == "Taichung and Kumamoto sign friendship pact"
        assert doc.published == dt.date(2024, 5, 10)
        assert "signed a friendship city agreement with Kumamoto Prefecture" in doc.text
        assert doc.lang == "en" and doc.encoding == "utf-8"
        assert doc.pages == ()

    def test_navigation_footer_and_scripts_do_not_dominate(self, tmp_path):
        doc = parse_file(fx.article_html(tmp_path))
        for chrome in ("Weather", "Opinion", "All rights reserved", "Privacy", "do not extract me"):
            assert chrome not in doc.text
        assert doc.text.count("Kumamoto") >= 3

    def test_meta_charset_is_used_to_decode(self):
        page = ("<html><head><meta charset='big5'><title>臺北新聞</title></head><body>"
                "<p>臺北市與布拉格締結姊妹市，雙方將在文化、教育及觀光領域合作。</p></body></html>")
        doc = parse_document(page.encode("big5"), "taipei.html")
        assert "臺北市與布拉格締結姊妹市" in doc.text
        assert doc.title == "臺北新聞"
        assert doc.lang == "zh"
        assert doc.encoding in ("big5", "cp950")

    def test_falls_back_to_visible_text_for_tiny_pages(self):
        doc = parse_document(b"<html><body><div>Taipei</div><div>Prague</div>"
                             b"<script>track()</script></body></html>", "tiny.html")
        assert "Taipei" in doc.text and "Prague" in doc.text
        assert "track" not in doc.text

    def test_a_page_with_no_visible_text_is_empty(self):
        with pytest.raises(DocumentRejected) as info:
            parse_document(b"<html><head><script>x()</script></head><body> </body></html>", "a.html")
        assert info.value.reason == "empty"


class TestPdf:
    def test_one_page_pdf_text_title_and_page(self, tmp_path):
        doc = parse_file(fx.one_page_pdf(tmp_path))
        assert doc.media_type == "application/pdf"
        assert doc.title == "Hualien-Sendai Agreement"  # from the PDF metadata
        assert fx.PAGE_ONE[1] in doc.text
        assert [span.page for span in doc.pages] == [1]
        assert doc.page_at(doc.text.index("tourism")) == 1

    def test_offsets_map_to_their_pages(self, tmp_path):
        doc = parse_file(fx.two_page_pdf(tmp_path))
        assert doc.page_at(doc.text.index("Hualien County and the City")) == 1
        assert doc.page_at(doc.text.index("youth exchange every summer")) == 2
        assert doc.page_at(doc.text.index("Signed at Hualien")) == 2
        first, second = doc.pages
        assert doc.text[first.start:first.end].startswith(fx.PAGE_ONE[0])
        assert doc.text[second.start:second.end].startswith(fx.PAGE_TWO[0])
        assert doc.text[first.end:second.start] == "\n\n"

    def test_title_falls_back_to_the_first_line(self, tmp_path):
        # reportlab writes the placeholder title "untitled" when none is set
        doc = parse_file(fx.two_page_pdf(tmp_path))
        assert doc.title == fx.PAGE_ONE[0]

    def test_chinese_text_is_extracted(self, tmp_path):
        doc = parse_file(fx.chinese_pdf(tmp_path))
        for line in fx.CHINESE_LINES:
            assert line in doc.text
        assert doc.lang == "zh"

    def test_owner_password_only_pdf_opens(self, tmp_path):
        doc = parse_file(fx.owner_password_pdf(tmp_path))
        assert fx.PAGE_ONE[1] in doc.text


class TestText:
    def test_big5_is_decoded(self):
        data = "臺北市與布拉格締結姊妹市".encode("big5")
        doc = parse_document(data, "news.txt")
        assert doc.text == "臺北市與布拉格締結姊妹市"
        assert doc.lang == "zh"

    def test_gb18030_is_decoded(self):
        data = "臺北市與布拉格締結姊妹市，雙方簽署合作備忘錄。".encode("gb18030")
        assert parse_document(data, "news.txt").text == "臺北市與布拉格締結姊妹市，雙方簽署合作備忘錄。"

    def test_utf8_bom_is_removed_and_newlines_normalised(self):
        data = "\ufeffTaipei and Prague\r\nsigned on Friday.\rEnd".encode("utf-8")
        doc = parse_document(data, "bom.txt")
        assert doc.text == "Taipei and Prague\nsigned on Friday.\nEnd"
        assert doc.encoding == "utf-8-sig"
        assert doc.title == "Taipei and Prague"

    def test_utf16_with_bom(self):
        doc = parse_document("Kaohsiung and Cebu".encode("utf-16"), "u16.txt")
        assert doc.text == "Kaohsiung and Cebu"

    def test_markdown_heading_is_the_title_and_date_line_the_date(self):
        data = b"---\ndate: 2024-08-27\n---\n\n# Tainan ends a tie\n\nBody text.\n"
        doc = parse_document(data, "note.md")
        assert doc.media_type == "text/markdown"
        assert doc.title == "Tainan ends a tie"
        assert doc.published == dt.date(2024, 8, 27)

    def test_front_matter_is_not_the_title(self):
        doc = parse_document(b"---\nsource: x\n---\nFirst real line\n\nBody.", "note.md")
        assert doc.title == "First real line"

    def test_a_long_first_line_is_not_a_title(self):
        assert parse_document(("word " * 60).encode(), "long.txt").title is None

    def test_lang(self):
        assert detect_lang("花蓮縣與馬卡蒂市締結姊妹市 Makati") == "zh"
        assert detect_lang("Hualien County and Makati (馬卡蒂市) signed an agreement") == "en"
        assert detect_lang("台南市の黄市長は山形県山形市の市長と面会した。") == "ja"


class TestRejections:
    @pytest.mark.parametrize(
        ("make", "reason"),
        [
            (fx.encrypted_pdf, "encrypted"),
            (fx.scanned_pdf, "no_text_layer"),
            (fx.truncated_pdf, "corrupt_pdf"),
            (fx.random_pdf, "corrupt_pdf"),
            (fx.png_named_html, "not_text"),
            (fx.random_bytes_file, "not_text"),
            (fx.unknown_encoding_text, "unknown_encoding"),
            (fx.empty_file, "empty"),
        ],
    )
    def test_bad_input_is_rejected_with_its_reason(self, tmp_path, make, reason):
        assert rejection(make(tmp_path)).reason == reason

    def test_whitespace_only_text_is_empty(self):
        with pytest.raises(DocumentRejected) as info:
            parse_document(b" \n\t\r\n", "blank.txt")
        assert info.value.reason == "empty"

    def test_unsupported_types(self):
        with pytest.raises(DocumentRejected) as info:
            parse_document(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "report.docx")
        assert info.value.reason == "unsupported_type"
        with pytest.raises(DocumentRejected) as info:
            parse_document(b"hello", "x.bin", media_type="application/msword")
        assert info.value.reason == "unsupported_type"

    def test_too_large_bytes(self):
        with pytest.raises(DocumentRejected) as info:
            parse_document(b"x" * 101, "big.txt", max_bytes=100)
        assert info.value.reason == "too_large"

    def test_check_size_rejects_a_huge_file_without_reading_it(self, tmp_path, monkeypatch):
        path = fx.sparse_file(tmp_path)
        assert check_size(path, max_bytes=300 * 1024 * 1024) == 200 * 1024 * 1024

        def no_reading(*args, **kwargs):
            raise AssertionError("the file was read")

        monkeypatch.setattr(Path, "read_bytes", no_reading)
        monkeypatch.setattr("builtins.open", no_reading)
        started = time.perf_counter()
        with pytest.raises(DocumentRejected) as info:
            check_size(path)
        assert info.value.reason == "too_large"
        with pytest.raises(DocumentRejected) as info:
            parse_file(path)
        assert info.value.reason == "too_large"
        assert time.perf_counter() - started < 1.0


class TestBundledSamples:
    def test_every_article_parses(self):
        files = sorted((SAMPLES / "articles").iterdir())
        assert 7 <= len(files) <= 9
        for path in files:
            doc = parse_file(path)
            assert doc.title, path.name
            assert doc.published is not None, path.name

    def test_chinese_sample_article(self):
        doc = parse_file(SAMPLES / "articles" / "hualien-makati-sister-city-zh.txt")
        assert doc.lang == "zh" and "締結姊妹市" in doc.text
        assert doc.published == dt.date(2024, 6, 15)

    def test_bilingual_agreement_has_chinese_on_page_two(self):
        doc = parse_file(SAMPLES / "agreements" / "hualien-sendai-friendship-mou.pdf")
        assert len(doc.pages) == 2
        assert doc.page_at(doc.text.index("Signed at Sendai on 8 November 2024")) == 1
        assert doc.page_at(doc.text.index("臺灣花蓮縣與日本國仙台市友好交流備忘錄")) == 2
        assert doc.page_at(doc.text.index("中華民國一一三年十一月八日")) == 2

    def test_make_pdfs_reproduces_the_committed_files(self, tmp_path, monkeypatch):
        spec = importlib.util.spec_from_file_location("make_pdfs", SAMPLES / "make_pdfs.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        monkeypatch.setattr(module, "OUT", tmp_path)
        for make in (module.kaohsiung_cebu, module.hualien_sendai, module.taoyuan_jonava):
            made = make()
            assert made.read_bytes() == (SAMPLES / "agreements" / made.name).read_bytes()


def test_pdf_text_comes_from_pdfium_and_two_column_pages_from_pdfplumber():
    import random

    from flows.bench_pdf import make_pdf

    data, columned = make_pdf(random.Random(7), 6, 0.5)
    parsed = parse_document(data, "mixed.pdf", media_type="application/pdf")
    assert len(parsed.pages) == 6 and 0 < columned < 6
    for span in parsed.pages:
        page = parsed.text[span.start:span.end]
        lines = page.splitlines()
        assert len(lines) >= 45, "every line of every page, whichever reader read it"
    # a two-column page is read column by column: its first lines are short (one column's words)
    short_pages = [s for s in parsed.pages if max(len(x) for x in parsed.text[s.start:s.end].splitlines()) < 80]
    assert len(short_pages) == columned


def test_a_pdf_with_more_pages_than_the_limit_is_skipped_as_too_large():
    import random

    from flows.bench_pdf import make_pdf

    data, _ = make_pdf(random.Random(1), 12, 0.0)
    with pytest.raises(DocumentRejected) as caught:
        parse_document(data, "book.pdf", media_type="application/pdf", max_pages=10)
    assert caught.value.reason == "too_large" and "12 pages" in caught.value.detail
    assert len(parse_document(data, "book.pdf", media_type="application/pdf", max_pages=12).pages) == 12
