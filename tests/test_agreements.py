"""Agreement PDFs: parties from the title block, relation from the agreement's
name, date from the signing block, in several layouts."""

from __future__ import annotations

import fixtures_docs as fx

from extractors.documents import parse_document
from extractors.pipeline import collapse, extract
from models.records import DocumentInput, Event, Relation


def extract_pdf(nlp, path):
    parsed = parse_document(path.read_bytes(), path.name)
    doc = DocumentInput(key=path.name, text=parsed.text, lang=parsed.lang, pages=parsed.pages)
    [result] = extract(nlp, [doc])
    return parsed, collapse(result.mentions)


def test_one_column_agreement(nlp, tmp_path):
    path = fx.write_pdf(tmp_path / "a.pdf", [[
        "SISTER CITY AGREEMENT",
        "between Taichung City, Taiwan",
        "and the City of Sacramento, United States of America",
        "The Parties agree to promote exchanges in trade, education and culture.",
    ], [
        "Article 5. This Agreement enters into force on signature.",
        "Signed at Taichung on 12 June 2023.",
    ]])
    _, [m] = extract_pdf(nlp, path)
    assert (m.a.name, m.b.name, m.b.country) == ("Taichung", "Sacramento", "US")
    assert (m.relation, m.event, m.date.iso()) == (Relation.SISTER, Event.ESTABLISHED, "2023-06-12")
    assert m.evidence.page == 1 and m.evidence.text.startswith("SISTER CITY AGREEMENT")


def test_two_language_columns_are_read_one_after_the_other(nlp, tmp_path):
    path = fx.two_column_pdf(tmp_path / "b.pdf", [
        "FRIENDSHIP CITY AGREEMENT", "between Tainan City, Taiwan", "and the City of Sendai, Japan",
        "The two cities agree to establish a friendship", "city relationship and to promote exchanges in",
        "education, culture and tourism.", "Signed at Tainan on 3 May 2024."],
        ["友好城市協定", "臺南市與日本仙台市", "雙方同意建立友好城市關係，", "推動教育、文化及觀光交流。",
         "2024年5月3日簽署於臺南市。"])
    parsed, found = extract_pdf(nlp, path)
    assert "between Tainan City, Taiwan\nand the City of Sendai" in parsed.text, "columns are not interleaved"
    [m] = [m for m in found if m.event is Event.ESTABLISHED]
    assert (m.a.name, m.b.name, m.relation, m.date.iso()) == ("Tainan", "Sendai", Relation.FRIENDSHIP,
                                                               "2024-05-03")


def test_the_date_comes_from_a_signature_table(nlp, tmp_path):
    path = fx.signature_table_pdf(tmp_path / "c.pdf", [
        "MEMORANDUM OF UNDERSTANDING",
        "between Hsinchu County, Taiwan",
        "and Kumamoto Prefecture, Japan",
        "on friendly exchange in the semiconductor industry and education.",
    ], [["Party", "Name", "Date"], ["Hsinchu County", "Yang Wen-ke", "2 February 2024"],
        ["Kumamoto Prefecture", "Kimura Takashi", "2 February 2024"]])
    _, found = extract_pdf(nlp, path)
    [m] = [m for m in found if m.event is Event.ESTABLISHED]
    assert (m.a.name, m.b.name, m.b.level.value) == ("Hsinchu County", "Kumamoto", "prefecture")
    assert m.relation is Relation.FRIENDSHIP, "an MOU on friendly exchange creates a friendship tie"
    assert m.date.iso() == "2024-02-02"


def test_a_news_headline_about_an_agreement_is_not_an_agreement(nlp):
    text = ("Tainan ends sister-city agreement with Cebu City\n\nTainan City Council voted on Monday to end "
            "the sister-city agreement with Cebu City, signed on 3 March 2003.")
    [result] = extract(nlp, [DocumentInput(key="news", text=text)])
    # The story ends a tie; the only founding it states is the one its aside dates.
    assert Event.TERMINATED in {m.event for m in result.mentions}
    assert all(m.date is not None and m.date.iso() == "2003-03-03"
               for m in result.mentions if m.event is Event.ESTABLISHED and m.confidence >= 0.9)
