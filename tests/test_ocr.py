"""Scanned agreements are read by OCR: generated scans (turned, specked,
150-300 dpi) in English, Chinese and both, with known parties and signing
dates, give the pair, the relation and the date; a blank page or a photo
gives nothing and no crash; no engine is a reason, not an exception."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time

import pytest

import fixtures_docs as fx
from conftest import run
from extractors.documents import parse_document
from extractors.ocr import OcrPolicy, render_scale
from models.errors import DocumentRejected

EN = fx.LATIN_FONT
ZH = fx.CJK_FONT_FILE


def read(path) -> object:
    return parse_document(path.read_bytes(), path.name, media_type="application/pdf")


def test_an_english_scan_at_150_dpi_gives_the_pair_relation_and_date(nlp, tmp_path):
    scan = fx.scan_pdf(tmp_path / "agreement.pdf", [
        ("SISTER CITY AGREEMENT", EN),
        ("between Kaohsiung City, Taiwan and the City of Cebu, Philippines", EN),
        ("Signed at Kaohsiung on 12 May 2023 by the two mayors.", EN)], dpi=150, angle=1.5)
    parsed = read(scan)
    assert parsed.text_source.startswith("OCR (tesseract") and "1 of 1 pages" in parsed.text_source
    assert parsed.pages[0].page == 1
    [m] = run(nlp, parsed.text)
    assert (m.a.name, m.b.name, m.relation.value) == ("Kaohsiung", "Cebu City", "sister")
    assert m.date.value == dt.date(2023, 5, 12)


def test_a_chinese_scan_gives_the_pair_relation_and_date(nlp, tmp_path):
    scan = fx.scan_pdf(tmp_path / "zh.pdf", [
        ("姊妹市協定", ZH), ("臺南市與日本仙台市於2023年5月12日締結姊妹市", ZH),
        ("雙方將推動教育與觀光交流", ZH)], dpi=300, angle=1.0)
    parsed = read(scan)
    assert "臺南市" in parsed.text or "台南市" in parsed.text
    found = run(nlp, parsed.text, lang="zh")
    assert [(m.a.name, m.b.name, m.relation.value, m.date.value) for m in found] == [
        ("Tainan", "Sendai", "sister", dt.date(2023, 5, 12))]


def test_a_bilingual_scan_reads_both_languages(nlp, tmp_path):
    scan = fx.scan_pdf(tmp_path / "both.pdf", [
        ("Memorandum of Understanding on Friendship Exchange", EN),
        ("between Hualien County, Taiwan and the City of Sendai, Japan", EN),
        ("花蓮縣與日本仙台市友好交流備忘錄", ZH)], dpi=300, angle=0.5)
    text = read(scan).text
    assert "Hualien County" in text and "仙台市" in text


def blank_scan(path):
    return fx.scan_pdf(path, [], noise=0.0)


@pytest.mark.parametrize("make", [blank_scan, fx.photo_pdf])
def test_a_blank_page_or_a_photo_gives_no_text_and_no_crash(tmp_path, make):
    try:
        parsed = read(make(tmp_path / "page.pdf"))
    except DocumentRejected as exc:
        assert exc.reason == "no_text_layer"
    else:
        assert len(parsed.text.split()) <= 3  # a stray glyph or two from a photo at most


def test_a_missing_engine_or_language_is_a_reason_not_an_exception(tmp_path):
    scan = fx.scan_pdf(tmp_path / "agreement.pdf", [("SISTER CITY AGREEMENT", EN)], dpi=200)
    with pytest.raises(DocumentRejected) as caught:
        parse_document(scan.read_bytes(), "agreement.pdf", media_type="application/pdf",
                       ocr=OcrPolicy(languages="eng+xyz"))
    assert caught.value.reason == "no_text_layer" and "xyz" in caught.value.detail


def test_a_huge_page_is_rendered_within_the_pixel_limit():
    # a page of 20,000 x 20,000 points would be 83,000 pixels a side at 300 dpi
    scale = render_scale(20_000, 20_000, 40_000_000)
    assert (20_000 * scale) ** 2 <= 40_000_000 * 1.0001
    assert render_scale(595, 842, 40_000_000) == 300 / 72  # an A4 page keeps 300 dpi


def test_mentions_read_from_a_scan_are_trusted_less(nlp):
    from extractors.pipeline import OCR_CONFIDENCE, extract
    from models.records import DocumentInput

    text = "Kaohsiung City and the City of Cebu, Philippines signed a sister city agreement on 12 May 2023."
    [typed] = extract(nlp, [DocumentInput(key="t", text=text)])
    [scanned] = extract(nlp, [DocumentInput(key="s", text=text, text_source="OCR (tesseract 5.3.0), 1 of 1 pages")])
    assert typed.mentions and len(scanned.mentions) == len(typed.mentions)
    for a, b in zip(typed.mentions, scanned.mentions):
        assert b.confidence == round(a.confidence * OCR_CONFIDENCE, 3)


# -- a scan still being read at pdf_max_seconds ------------------------------------
OCR_SECONDS = 0.4  # per page, for the stand-in engine below
SCANNED = 8


def part_scanned_pdf(path, *, text_page: bool = True, scanned: int = SCANNED):
    """A typed first page (if ``text_page``) then ``scanned`` pages with no text
    layer, page n (1-based) ``600 + n`` points wide so the stand-in engine can
    say which page it read."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    first = 1
    if text_page:
        pdf.setPageSize((600, 842))
        pdf.setFont("Helvetica", 11)
        pdf.drawString(60, 780, "Sister city agreement between Hualien County and the City of Sendai.")
        pdf.showPage()
        first = 2
    for number in range(first, first + scanned):
        pdf.setPageSize((600 + number, 842))
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def slow_ocr(monkeypatch):
    """OCR without Tesseract, a fixed time a page: 'Scanned page n'."""
    from extractors import documents

    def read_page(page, policy):
        time.sleep(OCR_SECONDS)
        return f"Scanned page {round(page.get_width()) - 600} of the agreement"

    monkeypatch.setattr(documents, "engine_version", lambda languages: "tesseract 5.3.0")
    monkeypatch.setattr(documents, "read_page", read_page)


def test_ocr_stopped_at_the_time_limit_keeps_the_text_layer_and_the_pages_read(slow_ocr, tmp_path, caplog):
    from extractors.pdf_guard import SLOTS

    path = part_scanned_pdf(tmp_path / "minutes.pdf")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="extractors.documents"):
        doc = parse_document(path.read_bytes(), path.name, media_type="application/pdf", pdf_max_seconds=1.5)
    assert time.monotonic() - started < 1.5 + 1.5
    read = doc.text.count("Scanned page")
    assert 1 <= read < SCANNED, "stopped part way"
    assert doc.text_source == f"OCR (tesseract 5.3.0), {read} of {SCANNED + 1} pages; stopped at the 1.5 s limit"
    assert len(doc.text_source) <= 80  # the documents.text_source column
    assert [span.page for span in doc.pages] == list(range(1, SCANNED + 2))
    pages = {span.page: doc.text[span.start:span.end] for span in doc.pages}
    assert pages[1].startswith("Sister city agreement between Hualien County")
    for number in range(2, SCANNED + 2):  # the pages read first, each under its own number
        assert pages[number] == (f"Scanned page {number} of the agreement" if number <= read + 1 else "")
    assert doc.page_at(doc.text.index("Scanned page 2")) == 2
    assert "minutes.pdf" in caplog.text and "stopped at pdf_max_seconds" in caplog.text
    assert SLOTS.busy == 0, "the child was reaped"


@pytest.mark.parametrize("text_page", [False, True])
def test_ocr_stopped_before_it_read_a_page(monkeypatch, slow_ocr, tmp_path, text_page):
    monkeypatch.setattr(f"{__name__}.OCR_SECONDS", 30.0)
    path = part_scanned_pdf(tmp_path / "scan.pdf", text_page=text_page, scanned=2)

    def read():
        return parse_document(path.read_bytes(), path.name, media_type="application/pdf", pdf_max_seconds=1.0)

    if not text_page:  # nothing at all was read: the document is still refused
        with pytest.raises(DocumentRejected) as caught:
            read()
        assert caught.value.reason == "pdf_timeout" and "scan.pdf" in caught.value.detail
        return
    doc = read()
    assert doc.text.startswith("Sister city agreement") and len(doc.pages) == 3
    assert doc.text_source == "OCR (tesseract 5.3.0), 0 of 3 pages; stopped at the 1 s limit"


def test_without_fork_the_whole_scan_is_read_in_this_process(monkeypatch, slow_ocr, tmp_path):
    monkeypatch.setattr(f"{__name__}.OCR_SECONDS", 0.0)
    monkeypatch.delattr(os, "fork")  # as on Windows: no child, no time limit
    path = part_scanned_pdf(tmp_path / "scan.pdf", scanned=3)
    doc = parse_document(path.read_bytes(), path.name, media_type="application/pdf", pdf_max_seconds=0.001)
    assert doc.text_source == "OCR (tesseract 5.3.0), 3 of 4 pages"
    assert doc.page_at(doc.text.index("Scanned page 4")) == 4


def test_a_scan_stopped_at_the_time_limit_is_ingested_not_failed(slow_ocr, tmp_path, sqlite_url):
    from sqlalchemy import select

    from flows.ingest import discover, ingest_files
    from models import schema as t
    from models.settings import load_settings
    from models.store import Store

    (tmp_path / "inbox").mkdir()
    part_scanned_pdf(tmp_path / "inbox" / "minutes.pdf")
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    settings = load_settings(database_url=sqlite_url, sources_path=tmp_path / "sources.toml",
                             raw_dir=tmp_path / "raw", pdf_max_seconds=1.5)
    report = ingest_files(discover(settings), settings)
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        [row] = conn.execute(select(t.documents)).all()
    store.close()
    assert report.new == 1 and not report.rejected
    assert row.status == "ingested" and "stopped at the 1.5 s limit" in row.text_source
