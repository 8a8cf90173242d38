"""Where a signing took place, told apart from who signed.

A place written as the scene of a ceremony ('in Taipei', '在台北', '台北市内の
ホテルで') is a party only when the sentence has no two other governments to
be the parties: 'Kagoshima and Miyazaki prefectures signed a tourism pact in
Taipei' is a tie of the two prefectures, while 'Kaohsiung and Busan signed the
MOU in Kaohsiung' and '知事は台南市で黄市長と…締結した' keep their host.
"""

from __future__ import annotations

import re

from extractors.place_cues import PlaceSpan

# 'signed a tourism pact in Taipei', 'the agreement, inked in Tokyo on Monday'
_SIGNED_IN = re.compile(r"(?i)\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?|conclud(?:ed|es)|"
                        r"pact|agreement|memorandum|MO[Uu]|accord)\b[^.;:!?]{0,60}?\s(?:in|at)\s+$")
# '在台北簽署', '台北市内のホテルで締結', '台北において'
_AT_BEFORE = re.compile(r"(?:在|於|于)$")
_AT_AFTER = re.compile(r"(?:[市県都縣]?[内內])?(?:の[^。、，\s]{0,12}?)?(?:で(?![すき])|において|にて)")
_STOPS = ("。", "！", "？", "\n", ". ", "! ", "? ")


def _other_parties(text: str, span: PlaceSpan, spans: list[PlaceSpan]) -> int:
    start = max(text.rfind(stop, 0, span.start) for stop in _STOPS) + 1
    ends = [i for i in (text.find(stop, span.end) for stop in _STOPS) if i >= 0]
    end = min(ends, default=len(text))
    return len({s.place.id for s in spans if s is not span and s.is_side and start <= s.start < end
                and s.place.id != span.place.id})


def venues_among_parties(text: str, spans: list[PlaceSpan]) -> None:
    """Chinese and Japanese: mark the scene of a signing a venue where two
    other governments of its sentence are there to be the parties."""
    for span in spans:
        if span.kind in ("taiwan", "foreign") and span.place is not None and (
                _AT_BEFORE.search(text, max(0, span.start - 1), span.start) or _AT_AFTER.match(text, span.end)) \
                and _other_parties(text, span, spans) >= 2:
            span.kind = "venue"


def signed_in_among_parties(text: str, span: PlaceSpan, spans: list[PlaceSpan]) -> bool:
    """English: 'signed … in Taipei' with two other governments in the sentence."""
    # ('with Furano in Hokkaido': the division of a side locates it)
    return span.kind in ("taiwan", "foreign") and span.place is not None \
        and not any(s.is_side and s.place.admin1 == span.place.name for s in spans) \
        and _SIGNED_IN.search(text, max(0, span.start - 90), span.start) is not None \
        and _other_parties(text, span, spans) >= 2
