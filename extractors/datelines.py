"""Datelines: where a wire story was filed ('TAIPEI (Taiwan News) —',
'Taipei, May 28 (CNA)', '洛杉磯25日電', '【台北共同】'), which names no party
to the ties the story tells of."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.place_cues import PlaceSpan
from models.records import Level

if TYPE_CHECKING:
    from extractors.gazetteer.index import Gazetteer


# Where a wire story was filed, not a party: 'TAIPEI (Taiwan News) —',
# 'Taipei, May 28 (CNA)', 'KAOHSIUNG, TAIWAN - Media OutReach', 'NEW YORK --';
# '(中央社記者林琳柏林1日專電)', '洛杉磯25日電', '（台南中央社）', '(高雄 24日 中央社)', '〔記者陳彥廷／屏東報導〕';
# Japanese wires: '【台北共同】', '【台北時事】', '（台北＝共同）'.
_DATELINE_AFTER = re.compile(
    r"\s*(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?\s*)?(?:\((?:[A-Z][\w .&'-]{1,40})\)\s*)?(?:—|–|--|-\s)"
    r"|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*\("
    r"|\s*\d{1,2}\s*日\s*(?:專|专)?(?:電|电)|\s*(?:\d{1,2}\s*日\s*)?中央社"
    r"|\s*[=＝]?\s*(?:共同|時事|時事通信)\s*[】)）]"
    r"|\s*(?:報導|报导|報道)\s*[〕】)）\]]")  # ('〔記者陳彥廷／屏東報導〕')


_DATE_ONLY = re.compile(r"(?:(?:established|signed|since|twinned|formed)\s+(?:in\s+|on\s+)?)?"  # ('— established 1983')
                        r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s+)?(?:19|20)\d\d\.?"
                        r"(?:\s*\([a-z ]{3,20}\))?"  # ('— 1999 (inactive)')
                        r"(?:\s*(?:—|–|--|-|\|)\s*(?:sister|friendship|twin|partner)[a-z -]{0,30})?", re.I)  # ('— 1962 — Sister City')


_TIE_ROW = re.compile(r"(?i)(?:sister|friendship|friendly|twin|partner)[\s-]+(?:cit(?:y|ies)|count(?:y|ies)|states?|towns?|"
                      r"provinces?|prefectures?|relationship|agreement)\b")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A place that opens its line (or a bracket) and is followed by the
    marks of a dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    # '【大紀元10月1日報導】(中央社記者林琳柏林1日專電)': what the last bracket opened.
    bracketed = re.split(r"[(（【\[〔]", before)[-1] if re.search(r"[(（【\[〔]", before) else before
    opens = not before or before[-1] in "(（【[〔" or bool(re.fullmatch(r"(?:中央社)?記者\S{1,4}[／/]?", bracketed))
    m = _DATELINE_AFTER.match(text, end) if opens else None
    if m is None:
        return False
    # 'Taichung, Taiwan - April 2, 1982' (or '— established 2014') alone on its line: a row of a list
    # of ties with its date, not where a story was filed.
    rest = text[m.end():text.find("\n", m.end()) % (len(text) + 1)].strip()
    if _DATE_ONLY.fullmatch(rest) or _TIE_ROW.match(rest):
        return False  # ('Kaohsiung City (Taiwan) - Friendship City Agreement signed November 2006': a row too)
    # 'Kaohsiung - Cebu ties': a bare dash after a name in lower case is a headline's.
    return text[start:end].isupper() or any(c in m.group(0) for c in "(,日社】)）〕導导道")


def filed_abroad(places: list):
    """The foreign city a story was filed from ('CEBU CITY – Mayor Michael
    Rama and a delegation from Kaohsiung … renewed the agreement between
    the two cities'): a local paper there names its own city only in the
    dateline, as a government's page leaves its own name unsaid."""
    return next((p.place for p in places if p.kind == "dateline" and p.place is not None and p.place.country != "TW"),
                None)


# 'SACRAMENTO — Mayor Darrell Steinberg on Friday signed …', 'HONOLULU — Gov. David Ige signed …':
# a local paper names the head of its own government by title and name alone.
_HEAD_AFTER = re.compile(r"\s*(?:—|–|--|-)\s*(?:The\s+)?(?P<title>Mayor|Governor|Gov\.)\s+"
                         r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)(?!\s+of\b|['’]s\b)")


def dateline_heads(text: str, spans: list[PlaceSpan], gaz: Gazetteer) -> list[PlaceSpan]:
    """The government a head named right after a foreign dateline leads:
    the dateline's city for a mayor, its state for a governor."""
    out = []
    for s in spans:
        if s.kind != "dateline" or s.place is None or s.place.country == "TW":
            continue
        m = _HEAD_AFTER.match(text, s.end)
        if m is None or any(m.start("name") <= o.start < m.end("name") for o in spans):
            continue
        place = s.place if m.group("title") == "Mayor" else next(
            (p for p in gaz.foreign_lookup(s.place.admin1 or "", s.place.country) if p.level is Level.STATE), None)
        if place is not None:
            out.append(PlaceSpan(m.start("title"), m.end("title"), m.group("title"), "foreign", place=place,
                                 notes=["dateline head"]))
    return out
