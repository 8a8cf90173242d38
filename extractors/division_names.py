"""Division or city: when a name that both a division and its capital bear
means the division ('Hiroshima's Kure', 'Miyazaki Governor Kono', 'Kumamoto
residents' after 'Kumamoto Prefecture'). Runs over the foreign places a
document's English text named, after each was resolved on its own."""

from __future__ import annotations

import re

from extractors.gazetteer.index import Gazetteer
from extractors.gazetteer.names import fold, fold_core
from models.records import Level

_DIVISIONS = (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION)
_CITY_NEAR = re.compile(r"(?i)\bcity\s+of\s+$")


def possessive_divisions(text: str, foreign: list, gaz: Gazetteer) -> None:
    """"Okinawa's Miyakojima", 'Hiroshima's Kure': a name in the possessive
    before a place of its division is that division, not its namesake city."""
    ordered = sorted((f for f in foreign if f.place is not None), key=lambda f: f.start)
    for s, t in zip(ordered, ordered[1:]):
        if s.place.level is not Level.CITY or not t.place.admin1 \
                or fold_core(t.place.admin1) != fold_core(s.text) or not _POSSESSIVE_GAP.fullmatch(text[s.end:t.start]):
            continue
        division = [p for p in gaz.foreign_lookup(t.place.admin1, t.place.country) if p.level in _DIVISIONS]
        if division:
            s.place = division[0]


_POSSESSIVE_GAP = re.compile(r"(?:'s|’s)?\s+")
# 'Miyazaki Governor Kono': a governor heads a prefecture, state or province.
_GOVERNOR_AFTER = re.compile(r"(?:'s|’s)?\s+(?:Vice\s+)?Governor\b")


def governed_divisions(text: str, foreign: list, gaz: Gazetteer) -> None:
    """A city name written before 'Governor' is the division of that name
    ('Miyazaki Governor Shunji Kono' is Miyazaki Prefecture's)."""
    for s in foreign:
        if s.place is None or s.place.level is not Level.CITY or not _GOVERNOR_AFTER.match(text, s.end):
            continue
        division = [p for p in gaz.foreign_lookup(s.text, s.place.country) if p.level in _DIVISIONS
                    and fold_core(p.name) == fold_core(s.text)]
        if division:
            s.place = division[0]


def bare_division_names(text: str, foreign: list, gaz: Gazetteer | None = None) -> None:
    """'Kumamoto Prefecture ... Kumamoto residents': once a document names a
    division with its generic word, the bare name is that division, not its
    same-named capital, unless the document names the city as a city.
    (With ``gaz``, possessive and governed divisions first.)"""
    if gaz is not None:
        possessive_divisions(text, foreign, gaz)
        governed_divisions(text, foreign, gaz)
    divisions = {(fold_core(s.place.name), s.place.country): s.place for s in foreign
                 if s.place and s.place.level in _DIVISIONS and fold_core(s.text) != fold(s.text)}
    if not divisions:
        return
    cities = {(fold_core(s.place.name), s.place.country) for s in foreign if s.place
              and s.place.level is Level.CITY and ("city" in fold(s.text).split()
                                                  or _CITY_NEAR.search(text, max(0, s.start - 10), s.start))}
    for s in foreign:
        key = (fold_core(s.place.name), s.place.country) if s.place else None
        bare = fold_core(s.text) == fold(s.text)
        if key in divisions and key not in cities and s.place.level is Level.CITY and bare:
            s.place = divisions[key]
