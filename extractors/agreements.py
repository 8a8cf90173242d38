"""Agreement documents: the parties, the relation and the signing date.

A signed agreement states its partnership in its title block ("SISTER CITY
AGREEMENT between Kaohsiung City ... and the City of Cebu") and dates it in
the signature block at its end, often in a table or a second language, far
from any sentence that joins the two parties. So a text that opens like an
agreement yields one mention for the parties of its title block, with the
relation its name states and the last full date of the text.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.dates import find_dates
from extractors.lexicon import relations_in
from extractors.tie_kinds import relation_of
from extractors.places import PlaceSpan
from extractors.themes import themes_of
from models.records import DatePrecision, Event, EventDate, Evidence, Mention

TITLE_BLOCK = 400  # characters: the title and the line naming the parties
_AGREEMENT = re.compile(r"\b(?:agreement|memorandum|accord|charter|protocol|letter of intent)\b|協定|協議書|備忘錄|意向書",
                        re.I)
_BETWEEN = re.compile(r"\bbetween\b|\band\b|與|和|及", re.I)


def is_agreement(text: str) -> bool:
    """Opens with the name of an agreement ('SISTER CITY AGREEMENT',
    '友好交流備忘錄') and names its parties ('between ... and ...') right
    after, with no verb a news headline would have."""
    lines = [line.strip() for line in text[:TITLE_BLOCK].splitlines() if line.strip()]
    if not lines:
        return False
    title = lines[0]
    if len(title) > (240 if title.isupper() else 120) or title.endswith((".", "。")):
        return False  # a sentence, not the name of a document (a title block in capitals may run long)
    english = _AGREEMENT.search(title) and not _HEADLINE_VERB.search(title) and any(
        re.match(r"(?i)between\b", line) or re.search(r"(?i)\bbetween\b.+\band\b", line) for line in lines[:4]) or (
        # ('SISTER COUNTY AGREEMENT' over 'Collin County, State of Texas, U.S.A. and Yunlin County, Taiwan')
        title.isupper() and _AGREEMENT.search(title) and not _HEADLINE_VERB.search(title) and len(lines) > 1
        and re.search(r"\band\b", lines[1])
        and not lines[1].endswith(".") and len(lines[1]) <= 160)
    # ('臺灣屏東縣與日本國沖繩縣石垣市友好交流協定書'; '友好都市協定書' over '石垣市と台湾屏東県は、…')
    named = re.search(r"(?:協定書?|協議書?|備忘錄|意向書|覚書|合意書)$", title)
    chinese = named and (_BETWEEN.search(title) or (len(lines) > 1 and "と" in lines[1][:30]))
    return bool(english or chinese)


_HEADLINE_VERB = re.compile(r"\b(?:sign\w*|ink\w*|ends?|renew\w*|agrees?|seeks?|plans?|mulls?|approv\w*|"
                            r"terminat\w*|scrap\w*|cuts?|becomes?|forms?|inks?|eyes?|to)\b", re.I)


def agreement_mentions(text: str, sides: list[PlaceSpan], published: date | None,
                       page_of) -> list[Mention]:
    head = text[:TITLE_BLOCK]
    if not is_agreement(text):
        return []
    cues = relations_in(head)
    if not cues:
        return []
    relation = relation_of(head, cues, [])
    in_head = [s for s in sides if s.end <= TITLE_BLOCK]
    local = next((s for s in in_head if s.place.country == "TW"), None)
    foreign = next((s for s in in_head if s.place.country != "TW"), None)
    if local is None or foreign is None:
        return []
    end = max(local.end, foreign.end)
    first_line = text.find("\n", end)
    evidence_end = first_line if first_line != -1 else end
    return [Mention(
        a=local.place, b=foreign.place, a_text=local.text, b_text=foreign.text, relation=relation,
        event=Event.ESTABLISHED, date=signing_date(text, published), themes=themes_of(text),
        evidence=Evidence(text=text[:evidence_end].strip(), start=0, end=evidence_end, page=page_of(0)),
        confidence=0.9,
    )]


def signing_date(text: str, published: date | None) -> EventDate | None:
    """The last full date of the text: the signature block closes it."""
    found = [d.date for d in find_dates(text, published) if not d.relative]
    for precision in (DatePrecision.DAY, DatePrecision.MONTH):
        dated = [d for d in found if d.precision is precision]
        if dated:
            return dated[-1]
    return None
