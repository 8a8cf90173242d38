"""The extraction pipeline: the configured spaCy model plus our components.

``build_pipeline`` loads the model by name (any English pipeline with a
parser and NER: the default package, ``en_core_web_sm``, or a larger one),
drops what extraction does not use, and adds ``citypairs_places`` and
``citypairs_partnerships``. ``extract`` streams typed inputs through
``nlp.pipe`` in batches and yields typed mentions per document.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps, set_current_ops

import extractors.partnerships  # noqa: F401  (registers the factory)
from extractors.allocator import keep_freed_memory
from extractors.anniversaries import counted_back
from extractors.boilerplate import blank_link_blocks
from extractors.chinese import build_chinese_pipeline
from extractors.chunking import PART_CHARS, Part, parts
from extractors.glued_words import Unglued, unglue
from extractors.page_dates import dateline, url_date
from extractors.japanese import build_japanese_pipeline
from extractors.merge import specific_relations
from extractors.tie_kinds import names_its_agreement
from extractors.version import code_digest, extractor_version  # noqa: F401  (re-exported)
import extractors.page_owner  # noqa: F401  (registers the factory)
import extractors.places  # noqa: F401  (registers the factory)
import extractors.segmentation  # noqa: F401  (registers the component)
from models.errors import ConfigError
from models.records import (DatePrecision, DocumentInput, DocumentMentions, Event, Mention, Relation, founding_choice,
                            within)

log = logging.getLogger(__name__)

if not Doc.has_extension("unglued"):
    Doc.set_extension("unglued", default=None)

UNUSED = ("attribute_ruler", "lemmatizer")  # the tagger's NNP marks names the NER missed
@cache
def build_pipeline(model: str, cache_dir: str, scorer: str = "") -> Language:
    # Plain numpy ops measured ~1.5x faster than blis on these machines.
    set_current_ops(NumpyOps(use_blis=False))
    keep_freed_memory()
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as exc:
        raise ConfigError("settings", [f"spacy_model: cannot load pipeline {model!r} ({exc})"]) from None
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ConfigError("settings", [f"spacy_model: {model!r} lacks {', '.join(missing)}"])
    nlp.add_pipe("citypairs_lines", before="parser")
    nlp.add_pipe("citypairs_places", config={"cache_dir": str(Path(cache_dir))})
    nlp.add_pipe("citypairs_page_owner", config={"cache_dir": str(Path(cache_dir))})
    nlp.add_pipe("citypairs_partnerships", config={"scorer": scorer})
    return nlp


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one document's extraction (settings ``max_text_chars`` and
    ``max_extract_seconds``); a document past them keeps what was read and
    says why in its ``problem``."""

    max_chars: int = 5_000_000
    max_seconds: float = 300.0


def extract(nlp: Language, inputs: Iterable[DocumentInput], batch_size: int = 32,
            limits: Limits = Limits()) -> Iterator[DocumentMentions]:
    """Mentions for each input, in input order. Chinese texts go through
    the character-segmented Chinese pipeline, the rest through ``nlp``; a
    long text goes through in parts (``extractors/chunking.py``)."""
    cjk = _cjk_pipelines(nlp)
    chunk: list[DocumentInput] = []
    for item in inputs:
        if len(item.text) > PART_CHARS:
            if chunk:
                yield from _extract_chunk(nlp, cjk, chunk, batch_size)
                chunk = []
            yield _extract_long(_pipeline_for(nlp, cjk, item), item, limits)
            continue
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from _extract_chunk(nlp, cjk, chunk, batch_size)
            chunk = []
    if chunk:
        yield from _extract_chunk(nlp, cjk, chunk, batch_size)


def _extract_chunk(nlp: Language, cjk: dict[str, Language], chunk: list[DocumentInput], batch_size: int):
    found: dict[str, tuple[Mention, ...]] = {}
    for doc, key in _docs(nlp, cjk, chunk, batch_size):
        found[key] = tuple(_as_given(m, doc._.unglued) for m in doc._.mentions or ())
    for item in chunk:
        yield DocumentMentions(key=item.key, mentions=_read_by_ocr(item, found[item.key]))


OCR_CONFIDENCE = 0.85  # OCR misreads names and digits now and then: its mentions are trusted less


def _read_by_ocr(item: DocumentInput, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    if not (item.text_source or "").startswith("OCR"):
        return mentions
    return tuple(m.model_copy(update={"confidence": round(m.confidence * OCR_CONFIDENCE, 3)}) for m in mentions)


def _extract_long(pipeline: Language, item: DocumentInput, limits: Limits) -> DocumentMentions:
    """One long document, a part at a time, within its limits."""
    text, problem, detail = item.text, None, None
    if len(text) > limits.max_chars:
        problem = "text_too_long"
        detail = (f"text of {len(text):,} characters: the first {limits.max_chars:,} were read "
                  f"(setting max_text_chars)")
        text = text[:limits.max_chars]
    started = time.monotonic()
    mentions: list[Mention] = []
    for part in parts(text):
        if time.monotonic() - started > limits.max_seconds:
            problem = "time_limit"
            detail = (f"stopped after {limits.max_seconds:g} s at character {part.start:,} of {len(text):,} "
                      f"(setting max_extract_seconds)")
            log.warning("document %s: %s", item.key, detail)
            break
        doc, _ = _make_doc(pipeline, item, part)
        mentions.extend(_shifted(_as_given(m, doc._.unglued), part.start) for m in pipeline(doc)._.mentions or ())
    return DocumentMentions(key=item.key, mentions=_read_by_ocr(item, tuple(mentions)), problem=problem,
                            detail=detail)


def _as_given(mention: Mention, unglued: Unglued | None) -> Mention:
    """The mention's evidence offsets into the text as given, not as unglued."""
    if unglued is None or not unglued.inserted:
        return mention
    ev = mention.evidence
    return mention.model_copy(update={"evidence": ev.model_copy(update={"start": unglued.original(ev.start),
                                                                         "end": unglued.original(ev.end)})})


def _shifted(mention: Mention, offset: int) -> Mention:
    if not offset:
        return mention
    ev = mention.evidence
    return mention.model_copy(update={"evidence": ev.model_copy(update={"start": ev.start + offset,
                                                                         "end": ev.end + offset})})


def _cjk_pipelines(nlp: Language) -> dict[str, Language]:
    cache_dir = nlp.get_pipe_config("citypairs_places")["cache_dir"]
    scorer = nlp.get_pipe_config("citypairs_partnerships")["scorer"]
    return {"zh": build_chinese_pipeline(cache_dir, scorer), "ja": build_japanese_pipeline(cache_dir, scorer)}


def _pipeline_for(nlp: Language, cjk: dict[str, Language], item: DocumentInput) -> Language:
    return cjk.get(item.lang[:2], nlp)


def _docs(nlp: Language, cjk: dict[str, Language], chunk: list[DocumentInput], batch_size: int):
    """Each input through the pipeline of its language: Chinese and Japanese
    through their own, everything else through the English model."""
    for lang, pipeline in (*cjk.items(), ("", nlp)):
        lang_items = [i for i in chunk if i.lang[:2] == lang or (not lang and i.lang[:2] not in cjk)]
        docs = (_make_doc(pipeline, item) for item in lang_items)
        yield from pipeline.pipe(docs, batch_size=batch_size, as_tuples=True)


def candidates(nlp: Language, inputs: list[DocumentInput], batch_size: int = 32) -> Iterator[tuple[str, list, object]]:
    """(key, candidates, document context) for each input, in no set order:
    what the pair scorer is trained and cross-validated on (labelled texts
    are articles: one part each)."""
    for doc, key in _docs(nlp, _cjk_pipelines(nlp), inputs, batch_size):
        yield key, list(doc._.candidates or ()), doc._.pair_context


def _make_doc(nlp: Language, item: DocumentInput, part: Part | None = None):
    part = part or Part(0, item.text)
    end = part.start + len(part.text)
    text = blank_link_blocks(part.text)  # (other stories' headlines state no tie of this page)
    # Chinese and Japanese texts write no spaces between words: nothing there is glued.
    unglued = Unglued(text) if item.lang[:2] in ("zh", "ja") else unglue(text)
    doc = nlp.make_doc(unglued.text)
    doc._.unglued = unglued
    # Without a publication date, one written at the top or in the address still dates 'on Monday' and '19日'.
    doc._.published = item.published or dateline(item.text) or url_date(item.url)
    doc._.title = item.title
    doc._.url = item.url
    doc._.outlet = item.outlet
    doc._.pages = tuple((p.page, unglued.moved(p.start - part.start), unglued.moved(p.end - part.start))
                        for p in item.pages if p.end > part.start and p.start < end)
    return doc, item.key


def _period(d) -> tuple:
    return d.value, d.precision


_FOUNDING_MARK = re.compile(r"(?i)\b(?:since|first\s+\w+\s+(?:in|on)|originally\s+\w+\s+(?:in|on)|began\s+in|"
                            r"dat(?:es|ing)\s+(?:back\s+)?to)\s+$|(?:自|從|从|早在)\s*$")


def _before_date(m: Mention) -> str:
    at = m.evidence.text.find(m.date.text) if m.date.text else -1
    return m.evidence.text[max(0, at - 30):at] if at > 0 else ""


_FINER = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


def collapse(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per pair, event and relation in a document: the most confident one,
    with the themes of all and the first date any of them gives. Its
    confidence is the pair's: the scorer already weighed every passage that
    states the pair."""
    mentions = list(mentions)
    pair_confidence: dict[frozenset, float] = {}
    for m in mentions:
        pair = frozenset((m.a.id, m.b.id))
        pair_confidence[pair] = max(pair_confidence.get(pair, 0.0), m.confidence)
    # A pair can hold two ties in one text (sister cities since 1968, an MOU
    # signed on Monday): one mention per relation, as the canonical table
    # keeps them; a generic 'agreement' of a pair the text also names more
    # specifically is that tie (as extractors/merge.py folds them).
    relations = specific_relations(mentions, lambda m: frozenset((m.a.id, m.b.id)), lambda m: m.relation,
                                   lambda m: (m.event, m.date.value.year if m.date else None))
    # ('簽署觀光交流協定', 'also signed an agreement on disaster relief': a dated agreement named for what it covers is its own)
    mentions = [m if r == m.relation or (m.date is not None and names_its_agreement(m.evidence.text))
                else m.model_copy(update={"relation": Relation(r)}) for m, r in zip(mentions, relations)]
    groups: dict[tuple, list[Mention]] = {}
    # Renewals of other years are other events ('marked the 25th anniversary' in 2004, '40 years' in 2019);
    # an undated one joins the pair's first dated renewal.
    renewal_years: dict[tuple, int] = {}
    for m in mentions:
        if m.event is Event.RENEWED and m.date is not None:
            renewal_years.setdefault((*sorted((m.a.id, m.b.id)), m.relation), m.date.value.year)
    for m in mentions:
        key = (*sorted((m.a.id, m.b.id)), m.event, m.relation)
        year = (m.date.value.year if m.date else renewal_years.get((*key[:2], m.relation))) \
            if m.event is Event.RENEWED else None
        groups.setdefault((*key, year), []).append(m)
    out = []
    for group in groups.values():
        group.sort(key=lambda m: -m.confidence)
        best = group[0]
        themes = tuple(sorted({t for m in group for t in m.themes}, key=lambda t: list(type(t)).index(t)))
        dated = [m.date for m in group if m.date]
        if best.event is Event.ESTABLISHED and (written := [d for d in dated if not counted_back(d)]) \
                and len(written) < len(dated):
            # ('40周年' counted back from next year's anniversary; '1982年に姉妹都市を結んだ' below says the year)
            dated = written
            if best.date is not None and counted_back(best.date):
                best = best.model_copy(update={"date": written[0]})
        # A tie is founded once: the earliest date a passage marks as its founding ('sister cities since
        # 1961'), else the date of the first passage stating it (made as precise as another inside its
        # period allows). (The earliest of any passage read a visit's earlier year as the signing's:
        # with the founding marks, cross-validated date 0.853 -> 0.860.)
        marked = [m.date for m in group if m.date in dated and _FOUNDING_MARK.search(_before_date(m))]
        # (an undated best passage, as a headline: the first dated one, not the earliest year any gives)
        lead = best.date or next((m.date for m in group if m.date), None)
        date = founding_choice(marked or [d for d in dated if within(_period(lead), _period(d))], _period) \
            if best.event is Event.ESTABLISHED and dated else (best.date or next(iter(dated), None))
        if date is not None and best.event is not Event.ESTABLISHED:
            # 'celebrate 30 years' in the headline, 'on March 7 to celebrate' below: the same year, said to the day
            date = next((d for d in dated if d.value.year == date.value.year and _FINER[d.precision] > _FINER[
                date.precision]), date)
        confidence = round(min(0.99, pair_confidence[frozenset((best.a.id, best.b.id))]), 3)
        out.append(best.model_copy(update={"themes": themes, "date": date, "confidence": confidence}))
    return out
