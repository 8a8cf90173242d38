"""Places named through the people who head their governments: 'Kumamoto
Governor Ikuo Kabashima and Kaohsiung Mayor Chen Chi-mai signed...' names
Kumamoto Prefecture, though the model tags the whole run a person."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_core
from extractors.place_cues import _NAME, _NOT_NAMES, PlaceSpan, nation_name, not_a_place
from extractors.place_resolve import _DIVISIONS
from extractors.place_rows import overlaps

# 'Kumamoto Governor Ikuo Kabashima', 'Sendai Mayor Kazuko Kori': a place
# named by the title of the person who heads its government.
_HEADED = re.compile(rf"\b({_NAME})\s+(Governor|Mayor|Magistrate)\s+[A-Z][\w'’.-]+")
_NOT_HEADS = frozenset({"Deputy", "Vice", "Former", "Acting", "Lieutenant", "Lt", "Lt.", "Then", "City", "County",
                        "State", "Town", "New"})


def headed_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each place named by its head's title."""
    return [(m.start(1), m.end(1), m.group(2)) for m in _HEADED.finditer(text)
            if m.group(1).split()[0] not in _NOT_NAMES | _NOT_HEADS and m.group(1).split()[-1] not in _NOT_HEADS]


def headed_places(finder, text: str, taken, countries, doc_countries) -> list[PlaceSpan]:
    """Foreign places named by their head's title, resolved by ``finder``
    (a ``PlaceResolver``): a governor heads a prefecture or a state, a
    mayor a city; a name that resolves to some other name is left alone."""
    out = []
    for start, end, title in headed_names(text):
        name = text[start:end]
        if overlaps(start, end, taken) or not_a_place(text, start, end) \
                or finder.gaz.world.demonym_country(name) or finder.gaz.world.country_code(nation_name(name)):
            continue
        place = finder._resolve(text, start, end, name, countries, doc_countries, "NAME")
        if place is not None and title == "Governor" and place.level.value == "city":
            place = next((p for p in finder.gaz.foreign_lookup(name, place.country)
                          if p.level in _DIVISIONS and fold_core(p.name) == fold_core(name)), None)
        if place is not None and fold_core(place.name) == fold_core(name):
            out.append(PlaceSpan(start, end, name, "foreign", place=place, notes=["headed"]))
    return out
