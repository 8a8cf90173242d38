"""Names in Chinese and Japanese text that the character scan of
``chinese.py`` cannot find by itself: Japan's cities written with one
character, and foreign names left in Latin letters ('南灣Cupertino市')."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_characters
from extractors.place_cues import PlaceSpan
from extractors.place_rows import ROW_NAME_POPULATION, named_as
from models.records import Level

# Japan's cities named by one character ('呉市と基隆市が'): any other single
# character before 市 is too often a word ('本市', '上市', '同市') to be a stem.
# These too are surnames ('吳市長' is Mayor Wu), so one is taken only where a
# Japanese particle or a stop follows it, or Japan or a prefecture of it
# stands just before ('日本吳市').
_JA_AFTER_NAME = frozenset("とがはのでにをもや、。・」）)")
_ONE_KANJI_CITIES = frozenset(fold_characters(n) for n in ("津市", "堺市", "呉市", "柏市", "燕市", "蕨市", "萩市", "旭市", "光市"))


def one_kanji_city(chunk: str, text: str, end: int, before: list[PlaceSpan]) -> bool:
    """Whether ``chunk`` (folded, ending at ``end``) is one of those cities here."""
    if chunk not in _ONE_KANJI_CITIES:
        return False
    if text[end:end + 1] in _JA_AFTER_NAME:
        return True
    last = before[-1] if before else None
    return last is not None and last.end == end - len(chunk) and "JP" in (
        last.country, last.place.country if last.place else None)


# A Latin name run into the unit word that makes it a government: 'Cupertino市',
# 'San Mateo郡', 'Orange County縣'. Without the unit it may be a firm or a person.
_LATIN_UNIT = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s?([市郡縣县州鎮町村])")
_UNIT_LEVEL = {"郡": Level.COUNTY, "縣": Level.COUNTY, "县": Level.COUNTY, "州": Level.STATE}


def latin_names(text: str, spans: list[PlaceSpan], gaz) -> list[PlaceSpan]:
    """Foreign governments written in Latin letters before a unit word, in
    the country a place or country just before names, else anywhere: a
    city by its own name and of some size, a county or state by its name."""
    out = []
    for m in _LATIN_UNIT.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        name, unit = m.group(1), m.group(2)
        before = [s for s in spans if s.end <= m.start() and m.start() - s.end <= 2]
        hint = (before[-1].country or (before[-1].place.country if before[-1].place else None)) if before else None
        level = _UNIT_LEVEL.get(unit)
        found = [p for p in gaz.foreign_lookup(name, hint) if p.country != "TW" and named_as(p, name)
                 and (hint in (None, "TW") or p.country == hint)
                 and (p.level is level if level else
                      p.level is Level.CITY and (p.population or 0) >= ROW_NAME_POPULATION)]
        if level is Level.COUNTY and not found:
            found = [p for p in gaz.foreign_lookup(f"{name} County", hint) if p.level is Level.COUNTY
                     and p.country != "TW" and (hint in (None, "TW") or p.country == hint)]
        if found:
            out.append(PlaceSpan(m.start(), m.end(), m.group(0), "foreign", place=found[0], notes=["latin"]))
    return out
