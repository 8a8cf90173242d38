"""A place name used as an attribute ('Alishan and Shirakawa tea', 'Aomori
apples', 'Tainan residents'): it names a product or people of the place, not
the government, which is no party there."""

from __future__ import annotations

import re

# Lowercase nouns a place name often qualifies in these stories: farm produce and
# food, and the people of a place.
_ATTRIBUTED = (r"tea|teas|coffee|rice|apples?|sake|wine|beef|pork|fruits?|oolong|noodles|cuisine|produce|mangoes|"
               r"mangos|pineapples?|oranges|peaches|strawberr(?:y|ies)|melons?|grapes|bananas|seafood|"
               r"residents|farmers|growers|natives|fishermen")
_NOUN_AFTER = re.compile(rf"\s+(?:{_ATTRIBUTED})\b")
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")


def attributive(text: str, spans: list, i: int) -> bool:
    """Whether ``spans[i]`` qualifies a noun after it, alone ('Alishan tea')
    or as the first of a coordination that does ('Alishan and Shirakawa tea')."""
    at = i
    while at + 1 < len(spans) and _AND.fullmatch(text, spans[at].end, spans[at + 1].start):
        at += 1
    return _NOUN_AFTER.match(text, spans[at].end) is not None
