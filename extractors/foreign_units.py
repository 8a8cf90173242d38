"""Foreign units a Chinese text names by its unit word where the name table
knows only a namesake: the province of a city ('宿霧省'), the county of a
city ('哈特福縣') or of a US state ('德拉瓦郡')."""

from __future__ import annotations

from extractors.gazetteer.index import Gazetteer
from extractors.gazetteer.names import fold_core
from extractors.place_resolve import _provisional
from models.records import Level, Place


def province_of(gaz: Gazetteer, city: Place) -> Place | None:
    """'宿霧省' after the table's 宿霧 (Cebu City): the province of that name."""
    base = city.name.removesuffix(" City")
    return next((p for p in gaz.foreign_lookup(base, city.country)
                 if p.level is Level.PROVINCE and fold_core(p.name) == fold_core(base)), None)


def state_county(gaz: Gazetteer, chunk: str, division: str | None) -> Place | None:
    """'德拉瓦郡': a county named like a US state the name table knows (德拉瓦州).
    Six states hold a Delaware County: without the state written before
    (``division``), the county is kept with no state rather than a guessed one."""
    state = gaz.table.chinese(chunk[:-1] + "州", "US")
    if state is None or state.level is not Level.STATE or state.country != "US":
        return None
    counties = [p for p in gaz.foreign_lookup(f"{state.name} County", "US") if p.level is Level.COUNTY
                and (division is None or p.admin1 == division)]
    if len(counties) == 1:
        return counties[0]
    return None if division else _provisional(f"{state.name} County", "US").model_copy(update={"level": Level.COUNTY})


def county_of(gaz: Gazetteer, place: Place, state: str | None = None) -> Place | None:
    """'哈特福縣' is Hartford County, not the city of Hartford: where the
    name table knows only the city, the county of that name in the state
    written just before (德克薩斯州 哈里斯县), else in the city's state."""
    counties = [p for p in gaz.foreign_lookup(f"{place.name} County", place.country)
                if p.level is Level.COUNTY and p.country == place.country]
    within = state or place.admin1
    counties = [p for p in counties if within is None or p.admin1 == within]
    return counties[0] if counties else None


def namesake_in(gaz: Gazetteer, chunk: str, country: str) -> list[Place]:
    """'美國薩克拉門托市': a transliteration GeoNames files only under a
    namesake elsewhere (Sacramento in Minas Gerais) names the largest city
    of that English name in the country the text writes before it."""
    names = {p.name for p in gaz.foreign_lookup(chunk) if p.country != country and p.level is Level.CITY}
    found = [q for name in names for q in gaz.foreign_lookup(name, country)
             if q.level is Level.CITY and fold_core(q.name) == fold_core(name)]
    return sorted(found, key=lambda q: -(q.population or 0))[:1]
