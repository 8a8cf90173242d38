"""Scanned agreements are read by OCR: generated scans (turned, specked,
150-300 dpi) in English, Chinese and both, with known parties and signing
dates, give the pair, the relation and the date; a blank page or a photo
gives nothing and no crash; no engine is a reason, not an exception."""

from __future__ import annotations

import datetime as dt

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
