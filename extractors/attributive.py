"""A place name used as an attribute ('Alishan and Shirakawa tea', 'Aomori
apples', 'Tainan residents'): it names a product or people of the place, not
the government, which is no party there; and the ends of a route ('flights
between Kaohsiung and Osaka')."""

from __future__ import annotations

import re

# Lowercase nouns a place name often qualifies in these stories: farm produce and
# food, and the people of a place.
_ATTRIBUTED = (r"tea|teas|coffee|rice|apples?|sake|wine|beef|pork|fruits?|oolong|noodles|cuisine|produce|mangoes|"
               r"mangos|pineapples?|oranges|peaches|strawberr(?:y|ies)|melons?|grapes|bananas|seafood|"
               r"residents|farmers|growers|natives|fishermen|"
               # a firm's or a club's local arm ('the New Taipei and Osaka branches of the bank')
               r"branch|branches|offices|plants?|factor(?:y|ies)|subsidiar(?:y|ies)|campus(?:es)?|chapters?|"
               # an event named after its city ('the partner city of the Berlin travel fair')
               r"(?:[a-z]+\s+)?(?:fairs?|expos?|exhibitions?|festivals?|marathons?|biennale|triennale|trade\s+shows?)")
_NOUN_AFTER = re.compile(rf"\s+(?:{_ATTRIBUTED})\b")
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")


# 'a route between Kaohsiung and Ho Chi Minh City', 'flights from Taipei to Sendai': the ends of a
# route, whatever agreement the sentence names, are no parties.
_ROUTE_BEFORE = re.compile(r"(?i)\b(?:routes?|flights?|services?|ferr(?:y|ies)|lines?|links?|connections?|"
                           r"shipping|cruises?|trains?)\s+(?:(?:between|from|linking|connecting)\s+)$")
_AND_TO = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+to\s+)")


def attributive(text: str, spans: list, i: int) -> bool:
    """Whether ``spans[i]`` qualifies a noun after it, alone ('Alishan tea')
    or as the first of a coordination that does ('Alishan and Shirakawa tea'),
    or is an end of a route ('flights between Kaohsiung and Osaka')."""
    at = i
    while at + 1 < len(spans) and _AND.fullmatch(text, spans[at].end, spans[at + 1].start):
        at += 1
    first = i
    while first > 0 and _AND_TO.fullmatch(text, spans[first - 1].end, spans[first].start):
        first -= 1
    return _NOUN_AFTER.match(text, spans[at].end) is not None or \
        _ROUTE_BEFORE.search(text, max(0, spans[first].start - 40), spans[first].start) is not None
