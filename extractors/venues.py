"""Where something took place, told apart from who signed.

A county hall's town, a conference's city, an office's seat name no party. A
place written as the scene of a ceremony ('in Taipei', '在台北', '台北市内の
ホテルで') is a party only when the sentence has no two other governments to
be the parties: 'Kagoshima and Miyazaki prefectures signed a tourism pact in
Taipei' is a tie of the two prefectures, while 'Kaohsiung and Busan signed the
MOU in Kaohsiung' and '知事は台南市で黄市長と…締結した' keep their host.
"""

from __future__ import annotations

import re

from extractors.place_cues import PlaceSpan
from models.records import Level


# 'at the county hall in Zhubei': where a ceremony was held.
_VENUE_BEFORE = re.compile(r"(?i)\b(?:hall|building|office|offices|hotel|cent(?:er|re)|headquarters|auditorium|"
                           r"museum|gymnasium|stadium|plaza|complex|campus)\s+(?:in|at)\s+$")


# 'Fuxing Village in Emei Township': a village of the Taiwanese town after it, whatever namesake
# another country has (GeoNames files a Chinese Fuxing).
_VILLAGE = re.compile(r"\s(?:Village|Borough|Community|Tribe|Settlement)$")
_WITHIN = re.compile(r"(?:\s+(?:in|of)\s+|,\s*)(?:the\s+)?")


def is_venue(text: str, span: PlaceSpan, spans: list[PlaceSpan]) -> bool:
    """A Taiwanese town written as where a building stands, inside a
    Taiwanese government the text names: the place of the ceremony, not a
    party (the county is); a village the text places in a Taiwanese town."""
    if span.kind == "foreign" and _VILLAGE.search(span.text) and (m := _WITHIN.match(text, span.end)):
        return any(s.kind == "taiwan" and s.start == m.end() for s in spans)
    if span.kind != "taiwan" or not span.place or not span.place.admin1 \
            or not _VENUE_BEFORE.search(text, max(0, span.start - 30), span.start):
        return False
    return any(s.kind == "taiwan" and s.place and s.place.name == span.place.admin1 for s in spans)


# 'the Annual Conference being held March 3 to March 5 in Arlington',
# 'the Taipei Economic and Cultural Office ("TECO") in Seattle', 'the Chinese
# Consulate in Vancouver', 'said in a press conference in Taipei', 'Kyushu
# University in Fukuoka': where a meeting is held or an office, embassy,
# mission, school or firm sits.
_MEETING_IN = re.compile(
    r"(?i)\b(?:(?:conference|summit|forum|expo|exposition|convention|congress|symposium|festival|fair|games)\b"
    r"[^.;]{0,30}?\b(?:held|hosted|convened|taking\s+place|takes\s+place|to\s+take\s+place)\b[^.;]{0,40}?"
    r"|\b(?:office|offices|embassy|consulate(?:[-\s]general)?|mission|university|college|school|hospital|"
    r"company|firm|corporation|airport)\b(?:\s*\([^)]{1,12}\))?"
    r"|\b(?:press|news)\s+conference"
    r"|\b(?:summit|conference|forum|expo|festival|convention|symposium|congress|met|meet|talks|ceremony)"  # 'Summit in Brisbane', 'met in Tokyo'
    # 'the Consul General of Japan in Osaka': where a country's envoy sits
    r"|\b(?:consul(?:[-\s]general)?|ambassador|envoy|representative)\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
    r"\s+in\s+$")


def is_meeting_place(text: str, span: PlaceSpan, before: PlaceSpan | None = None) -> bool:
    """A place written as where a meeting is held or an office sits, or the
    division that locates one ('in Arlington, Virginia': the state too)."""
    if span.kind == "foreign" and before is not None and before.kind == "venue" \
            and text[before.end:span.start] == ", ":
        return True
    return span.kind in ("foreign", "taiwan") and bool(_MEETING_IN.search(text, max(0, span.start - 120),
                                                                           span.start))

# 'signed a tourism pact in Taipei', 'the agreement, inked in Tokyo on Monday', 'renewed their ties in Jeju City'
_SIGNED_IN = re.compile(r"(?i)\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?|conclud(?:ed|es)|renew(?:ed|s|ing)?|"
                        r"celebrat(?:ed|es|ing)|pact|agreement|memorandum|MO[Uu]|accord|ties)\b(?:(?!\bbut\b)[^.;:!?]){0,150}?\s(?:in|at)\s+$")
# '在台北簽署', '台北市内のホテルで締結', '台北において'
_POSSESSED = re.compile(r"['’]s\b")
_AT_BEFORE = re.compile(r"(?:在|於|于)$")
_AT_AFTER = re.compile(r"(?:[市県都縣]?[内內])?(?:の[^。、，\s]{0,12}?)?(?:で(?![すき])|において|にて)")
_STOPS = ("。", "！", "？", "\n", ". ", "! ", "? ")
# '明年率團至花蓮觀光踩線': a place the guests will tour, no party.
_TOUR_TO = re.compile(r"(?:至|到|赴|來|来|前往)$")
_TOUR = re.compile(r"(?:觀光|观光|旅遊|旅游|踩線|踩线|遊覽|游览|参観|観光)")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding ``text[start:end]``, in any of the three scripts."""
    ends = [i for i in (text.find(stop, end) for stop in _STOPS) if i >= 0]
    return max(text.rfind(stop, 0, start) for stop in _STOPS) + 1, min(ends, default=len(text))


def _other_parties(text: str, span: PlaceSpan, spans: list[PlaceSpan]) -> int:
    start, end = sentence_bounds(text, span.start, span.end)
    return len({s.place.id for s in spans if s is not span and s.is_side and start <= s.start < end
                and s.place.id != span.place.id})


# '與州長皮倫簽署', '與內州州長…': a division's head, named by title alone, signs.
_WITH_HEAD = re.compile(r"(?:與|与|和|跟)([^，。、與与和跟]{0,4}?)(?:州|省)(?:長|长|政府)")


def _heads_sign(text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """'在內布拉斯加州首府林肯市與州長皮倫簽署': a state or province that
    only located a city is the party when its head signs with no place of
    their own written before the title; the city it located is then the
    scene. Returns the divisions made parties."""
    parties = []
    for span in spans:
        if span.kind != "locator" or span.place is None or span.place.level not in (Level.STATE, Level.PROVINCE):
            continue
        end = sentence_bounds(text, span.start, span.end)[1]
        for m in _WITH_HEAD.finditer(text, span.end, end):
            if not any(s is not span and m.start(1) <= s.start < m.end(1) for s in spans):
                span.kind = "foreign"
                parties.append(span)
                for city in spans:
                    if city.kind == "foreign" and city.place is not None and 0 <= city.start - span.end <= 3 \
                            and city.place.admin1 == span.place.name:
                        city.kind = "venue"
                break
    return parties


def venues_among_parties(text: str, spans: list[PlaceSpan]) -> None:
    """Chinese and Japanese: mark the scene of a signing a venue where two
    other governments of its sentence are there to be the parties."""
    parties = _heads_sign(text, spans)
    for span in spans:
        if span.kind in ("taiwan", "foreign") and span.place is not None and span not in parties and (
                _AT_BEFORE.search(text, max(0, span.start - 1), span.start) or _AT_AFTER.match(text, span.end)
                or (_TOUR_TO.search(text, max(0, span.start - 2), span.start) and _TOUR.match(text, span.end))) \
                and _other_parties(text, span, spans) >= 2:
            span.kind = "venue"


def signed_in_among_parties(text: str, span: PlaceSpan, spans: list[PlaceSpan]) -> bool:
    """English: 'signed … in Taipei' with two other governments in the sentence."""
    # ('with Furano in Hokkaido': the division of a side locates it; 'in Taichung's city diplomacy' is no scene)
    return span.kind in ("taiwan", "foreign") and span.place is not None and not _POSSESSED.match(text, span.end) \
        and not any(s.is_side and s.place.admin1 == span.place.name for s in spans) \
        and _SIGNED_IN.search(text, max(0, span.start - 200), span.start) is not None \
        and _other_parties(text, span, spans) >= 2
