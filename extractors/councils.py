"""A council acting for its government: 'The Irvine City Council voted to
approve a sister city relationship with…', 'The City Council of Lakewood,
Colorado, voted…', 'The Hawaii County Council approved…'. Such a council
stands for its city or county (a council signing with another council acts
for itself, and is left an organisation: ``council_ties``)."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_core
from extractors.lexicon import relations_in

_BODY = (r"(?:Council(?:l?ors|\s+members)?|Board\s+of\s+(?:Supervisors|Commissioners|Aldermen)|(?<=County\s)Board|Commission|(?:City\s+Hall\s+)?Assembly"
         r"|(?:Provincial|Municipal)\s+Board|Sangguniang\s+(?:Panlalawigan|Panlungsod|Bayan))")  # (Philippine councils)
# A county's council names the county: 'Hawaii County Council' is Hawaii County, not the state.
# ('Cairns Regional Council', 'Shire', 'District', 'Borough' councils in Australia, New Zealand, Britain)
_UNIT_WORDS = "City|Town|Village|Regional|Shire|District|Borough|Municipal"
_UNIT = rf"(?:{_UNIT_WORDS})"
_TAIL = re.compile(rf"\s+(?:{_UNIT}\s+)?(?:Common\s+)?{_BODY}$")
_HEAD = re.compile(rf"(?i)^(?:the\s+)?(?:(?:City|Town|Village|County)\s+)?{_BODY}\s+of\s+(?:the\s+)?(?:(?:City|Town|Village)\s+of\s+)?")
# (or weighs one: 'The Kent City Council on Tuesday discussed a proposal to establish…' proposes for the city)
# ('The Lubbock City Council on Thursday reaffirmed its sister city relationship with Taichung': the city renews it)
_APPROVES = (r"[^.;]{0,40}?\b(?:voted|votes|approved|approves|authori[sz]ed|authori[sz]es|passed|adopted|endorsed|agreed"
             r"|reaffirmed|reaffirms|renewed|renews|ratified|ratifies|terminated|terminates|suspended|suspends"
             r"|discussed|discusses|considered|considers|debated|debates|reviewed|reviews|weighed|weighs)\b"
             r"[^.;]{0,80}?\b(?:sister|friendship|twin|partnership|memorandum)")  # ('Prague city councillors voted to end a partnership…')
_ACTS = re.compile(rf"(?:\s+(?:{_UNIT_WORDS}|County))?(?:\s+Common)?\s+{_BODY}\b{_APPROVES}", re.I)  # (Wisconsin's 'Common Council')
_ACTS_AFTER = re.compile(rf"(?:,[^,.;]{{1,30}},)?{_APPROVES}", re.I)  # (', Colorado,')


def council_acts(text: str, end: int) -> bool:
    """Whether the council named right after ``end`` approves a tie."""
    return bool(_ACTS.match(text, end))


def council_government(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the government's name lies inside an organisation's name found
    at ``start:end`` when that organisation is its council approving a tie;
    None otherwise."""
    name = text[start:end]
    if (tail := _TAIL.search(name)) is not None and council_acts(text, start + tail.start()):
        return start, start + tail.start()
    if (head := _HEAD.match(name)) is not None and head.end() < len(name) and _ACTS_AFTER.match(text, end):
        # ('the Board of Supervisors of the County of Santa Clara': the county, unit word and all)
        unit = re.search(r"(?:City|Town|Village|County)\s+of\s+(?:the\s+)?$", head.group(0))
        return start + (unit.start() if unit else head.end()), end
    return None


# ('The City Council of Lakewood', 'the city council of Richmond', 'The council of Richmond, British Columbia')
_HEAD_BEFORE = re.compile(rf"(?i)\b(?:(?:City|Town|Village|County)\s+)?{_BODY}\s+of\s+(?:the\s+)?(?:(?:City|Town|Village)\s+of\s+)?$")


def council_of(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is the government of a council
    written before it that approves a tie ('The City Council of Lakewood,
    Colorado, voted…')."""
    return bool(_HEAD_BEFORE.search(text, max(0, start - 50), start)) and bool(_ACTS_AFTER.match(text, end))


# '新北市議會與日本神奈川縣議會締盟十週年', 'the Taipei City Council and the Osaka
# City Council signed': councils tied to each other act for themselves.
COUNCIL_WORD = re.compile(r"議會|议会|議会|(?i:\bcouncils?\b|\bassembl(?:y|ies)\b)")


def council_key(place) -> tuple[str, str]:
    # By name: a headline's bare 'Osaka' may resolve to the prefecture, the council's to the city.
    return fold_core(place.name), place.country


def council_ties(sentences, text: str) -> frozenset[frozenset[tuple[str, str]]]:
    """Pairs of places (``council_key``) whose councils a sentence with a tie
    word names together, a Taiwanese council and a foreign one."""
    out = set()
    for sent in sentences:
        councils = [o for o in sent.orgs if COUNCIL_WORD.search(text, o.start, o.end + 10)]
        if len(councils) < 2 or not relations_in(sent.text):
            continue
        out |= {frozenset((council_key(a.place), council_key(b.place))) for a in councils for b in councils
                if (a.place.country == "TW") != (b.place.country == "TW")}
    return frozenset(out)
