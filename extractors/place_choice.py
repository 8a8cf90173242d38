"""Choosing among the places a name may be, by rules that need no more
than the gazetteer and what the document names: a name written with a
division word is that division; a name written as a county is no US city; a
page about one foreign country places names there; a name one letter off."""

from __future__ import annotations

import re
from collections import Counter

from extractors.gazetteer.index import Gazetteer
from extractors.gazetteer.names import fold_core
from models.records import Level, Place


# 'Gifu town', 'a Texas county': a unit the division holds, described, not the division.
DESCRIBED_UNIT = re.compile(r"\s(?:town|village|county|city|township)$")
FIRST_LEVEL = (Level.PREFECTURE, Level.STATE, Level.PROVINCE, Level.REGION)
# 'Jonava District Municipality', 'Yonaguni Town', 'the Pomeranian Voivodeship': an organisation or person
# to the model, named by a government's own unit word.
MUNICIPALITY = re.compile(r"^(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+(?:(?:District\s+)?Municipality|City|Town|Village"
                          r"|(?:Special\s+)?(?:Self-Governing\s+)?(?:Region|Province)|Voivodeship|Oblast|Atoll(?:\s+Local\s+Government)?)$")
# 'Gangseo District', 'Suseong-gu' taken for a person: no one's name ends in a unit word. (For an
# organisation the wider words would take in 'Lynnwood School District'.)
UNIT_NAMED = re.compile(MUNICIPALITY.pattern + r"|^[A-Z][a-z'-]+(?:-gu|-gun|\s+(?:District|County|Prefecture|Ward))$")


def written_division(gaz: Gazetteer, name: str, doc_countries: Counter) -> list[Place] | None:
    """'Hiroshima Prefecture's Kure City': a name ending in a division word
    is that division, never the city it is named after: the one of a
    country the document names, else the only one in the world by that name
    (None when the name has no such word, [] when no division fits)."""
    if re.search(r"\s(?:Prefecture|Province|State)$", name) is None:
        return None
    divisions = [p for p in gaz.foreign_lookup(name) if p.country != "TW"
                 and p.level is not Level.CITY and fold_core(p.name) == fold_core(name)]
    return [p for p in divisions if doc_countries.get(p.country)] or divisions[:len(divisions) == 1]


def sole_foreign_country(doc_countries: Counter) -> str | None:
    """The one foreign country a document names, if it names only one."""
    abroad = [c for c in doc_countries if c != "TW"]
    return abroad[0] if len(abroad) == 1 else None


def unit_fits(place: Place, name: str) -> bool:
    """False for a US city taken for a name written as a county: every US
    county is in the gazetteer ('Bend County' is no Oregon city)."""
    return not (name.endswith(" County") and place.country == "US" and place.level is Level.CITY)


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter left out, added or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


_DEPARTMENT = re.compile(r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+Department")


def is_department(gaz: Gazetteer, name: str) -> bool:
    """'Alto Parana Department', 'Rivera Department': a first-level division
    of that name, which the model takes for an office (a 'Police
    Department' names none)."""
    found = _DEPARTMENT.fullmatch(name)
    return found is not None and any(p.level in FIRST_LEVEL and fold_core(p.name) == fold_core(found.group(1))
                                     for p in gaz.foreign_lookup(found.group(1)))


_WORDS_BEFORE = re.compile(r"(?:[A-Z][a-z]+\s+){1,2}$")


def longer_town(gaz: Gazetteer, text: str, start: int, end: int, division: Place) -> tuple[int, Place | None]:
    """'Mossel Bay Municipality of Western Cape': a town's name of two or
    three words, where the gazetteer knows it in the division's country
    (its start and the place); else the one word as read, unknown."""
    lead = _WORDS_BEFORE.search(text, max(0, start - 30), start)
    for at in ([lead.start() + m.start() for m in re.finditer(r"[A-Z]", lead.group(0))] if lead else []):
        name = text[at:end]
        known = [p for p in gaz.foreign_lookup(name, division.country)
                 if fold_core(p.name) == fold_core(name) and p.level is Level.CITY]
        if known:
            place = next((p for p in known if p.admin1 == division.name), known[0])
            # (the text says where it is, where GeoNames does not)
            return at, place if place.admin1 else place.model_copy(update={"admin1": division.name})
    return start, None


# 'San Marino, California', 'Lebanon, Ohio', 'Mexico, Mo.': a country's name that a state locates names a town.
_STATE_AFTER = re.compile(r",\s*(?:the\s+state\s+of\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\.?)")


def country_named_town(gaz: Gazetteer, text: str, start: int, end: int, abbreviations: dict[str, str]) -> Place | None:
    """The town a country's name at ``start:end`` names where a first-level
    division follows it, the gazetteer knowing a town of that name there."""
    m = _STATE_AFTER.match(text, end)
    if m is None:
        return None
    written = m.group(1)
    code = abbreviations.get(written)
    states = [(code[:2], gaz.world.admin1(code[:2], code))] if code else [
        (p.country, p.name) for p in gaz.foreign_lookup(written.rstrip(".")) if p.level in FIRST_LEVEL
        and fold_core(p.name) == fold_core(written.rstrip("."))]
    # (the country given: a bare lookup of a country's name finds no town)
    return next((p for country, state in states for p in gaz.foreign_lookup(text[start:end], country)
                 if p.level is Level.CITY and p.admin1 == state and fold_core(p.name) == fold_core(text[start:end])), None)
