"""Long documents are read whole, a part at a time, within the bounds the
settings give; a document past them keeps what was read and says why."""

from __future__ import annotations

from extractors.chunking import parts
from extractors.pipeline import Limits, extract
from models.records import DocumentInput, DocumentMentions, ParsedDocument
from models.store import Store

FILLER = ("The council heard reports on roads, schools and the budget, and members asked questions about "
          "parks and libraries before the meeting moved on to the next item on the agenda. ")
TIE = "Tainan signed a sister city agreement with Jonava in Lithuania on Friday."


def long_text(chars: int, tie_every: int = 60) -> str:
    paragraphs, size, i = [], 0, 0
    while size < chars:
        paragraph = TIE if i % tie_every == tie_every - 1 else FILLER * 3
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)


def test_parts_cover_the_text_and_end_at_paragraph_breaks():
    text = long_text(350_000)
    found = parts(text, 100_000)
    assert "".join(p.text for p in found) == text
    assert all(len(p.text) <= 100_000 for p in found) and len(found) == 4
    assert all(p.text.endswith("\n\n") for p in found[:-1])
    assert [p.start for p in found] == [sum(len(q.text) for q in found[:i]) for i in range(len(found))]


def test_a_text_without_breaks_is_still_cut_within_the_limit():
    text = "x" * 250_000
    assert [len(p.text) for p in parts(text, 100_000)] == [100_000, 100_000, 50_000]


def test_a_long_document_is_read_to_its_end_with_evidence_at_true_offsets(nlp):
    text = long_text(260_000)
    [result] = extract(nlp, [DocumentInput(key="long", text=text)])
    assert result.problem is None
    ties = text.count(TIE)
    assert ties >= 4 and len(result.mentions) >= ties
    last = max(m.evidence.start for m in result.mentions)
    assert last > 200_000  # past the first parts: nothing was cut
    for m in result.mentions:
        assert text[m.evidence.start:m.evidence.end].strip() == m.evidence.text


def test_a_text_longer_than_the_setting_is_read_up_to_it_and_says_so(nlp):
    text = long_text(150_000)
    [result] = extract(nlp, [DocumentInput(key="long", text=text)], limits=Limits(max_chars=120_000))
    assert result.problem == "text_too_long" and "max_text_chars" in result.detail
    assert result.mentions and all(m.evidence.end <= 120_000 for m in result.mentions)


def test_a_document_past_its_time_stops_between_parts_and_keeps_what_it_read(nlp):
    text = long_text(350_000, tie_every=10)
    [result] = extract(nlp, [DocumentInput(key="long", text=text)], limits=Limits(max_seconds=0.001))
    assert result.problem == "time_limit" and "max_extract_seconds" in result.detail
    # the first part was read, the rest was not
    assert result.mentions and all(m.evidence.end <= 100_000 for m in result.mentions)


def test_the_store_records_why_an_extraction_stopped_short(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    try:
        doc_id, _ = store.add_document("src", "src/long.txt", 10, ParsedDocument(
            sha256="a" * 64, media_type="text/plain", text="long"))
        store.replace_mentions([DocumentMentions(key=str(doc_id), mentions=(), problem="time_limit",
                                                 detail="stopped after 300 s")], "v1")
        assert store.failures() == [{"origin": "src/long.txt", "status": "extracted", "reason": "time_limit",
                                     "detail": "stopped after 300 s"}]
        # a later full extraction clears the reason
        store.replace_mentions([DocumentMentions(key=str(doc_id), mentions=())], "v2")
        assert store.failures() == []
    finally:
        store.close()
