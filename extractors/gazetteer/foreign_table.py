"""Foreign places by the names Taiwanese Chinese gives them, and the few
local governments GeoNames lacks (``data/foreign_places.tsv``).

GeoNames' Chinese names are mostly mainland transliterations (休斯敦 for
Houston, 洛杉矶 for Los Angeles); Taiwan writes 休士頓 and 洛杉磯, and the
Marshall Islands' atolls are missing altogether. Each row resolves once to
the gazetteer place of its English name, country and division; a row marked
``table`` is a place of its own, with a stable ``tbl:`` id.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractors.gazetteer.names import fold, fold_core
from models.records import Level, Place

TABLE = Path(__file__).with_name("data") / "foreign_places.tsv"
_LEVELS = {"city": Level.CITY, "county": Level.COUNTY, "state": Level.STATE, "province": Level.PROVINCE,
           "prefecture": Level.PREFECTURE, "region": Level.REGION, "district": Level.DISTRICT, "other": Level.OTHER}
# Korean romanisation ties the unit to the name: 'Yeonsu-gu' is Yeonsu District.
_KOREAN_UNIT = re.compile(r"(?i)-(?:gu|gun)$")


@dataclass(frozen=True, slots=True)
class TableRow:
    name: str
    country: str
    level: Level
    admin1: str | None
    zh: tuple[str, ...]
    own: bool  # a place of its own: the gazetteer lacks it


def read_rows(path: Path = TABLE) -> list[TableRow]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = []
    for raw in csv.DictReader(lines, delimiter="\t"):
        rows.append(TableRow(name=raw["name"], country=raw["country"], level=_LEVELS[raw["level"]],
                             admin1=raw["admin1"] or None, zh=tuple(n for n in raw["zh"].split("|") if n),
                             own=raw.get("gazetteer") == "table"))
    return rows


class ForeignTable:
    """Chinese name -> places, and English name -> the table's own places."""

    def __init__(self, lookup, rows: list[TableRow] | None = None):
        self.by_zh: dict[str, list[Place]] = {}
        self.within: dict[str, list[Place]] = {}  # names read only right after the city holding them ('^江南區')
        self.partners: dict[str, list[Place]] = {}  # English name -> the place a row means by it
        self.own: dict[str, list[Place]] = {}
        rows = rows if rows is not None else read_rows()
        # An English name several rows share (Korea's Jung, Dong, Seo, Nam and Buk Districts)
        # names a place only with the city that holds it: ``english_in``.
        shared = {n for n, k in Counter((r.country, r.name) for r in rows if r.own).items() if k > 1}
        self.shared = {fold(name) for _, name in shared}
        for row in rows:
            place = _own_place(row, (row.country, row.name) in shared) if row.own else _resolve(row, lookup)
            if place is None:
                continue
            self.partners.setdefault(fold(row.name), []).append(place)
            for name in row.zh:
                if name.startswith("^"):
                    self.within.setdefault(fold(name[1:]), []).append(place)
                else:
                    self.by_zh.setdefault(fold(name), []).append(place)
            if row.own:
                for key in {fold(row.name), fold_core(row.name)}:
                    self.own.setdefault(key, []).append(place)

    def chinese(self, name: str, country: str | None = None) -> Place | None:
        places = self.by_zh.get(fold(name), [])
        if not places and name[-1:] in _COUNTY_CHARS:
            # An American county is written 郡 or 縣 (县): 邁阿密-戴德县.
            places = [p for other in _COUNTY_CHARS for p in self.by_zh.get(fold(name[:-1] + other), [])
                      if p.level is Level.COUNTY]
        in_country = [p for p in places if p.country == country] if country else []
        return (in_country or places or [None])[0]

    def chinese_in(self, name: str, admin1: str) -> Place | None:
        """A unit the table names in Chinese only after the city holding it
        ('首爾市江南區': alone, 江南區 is as often Nanning's Jiangnan District)."""
        inside = [p for p in self.within.get(fold(name), []) if p.admin1 and fold_core(p.admin1) == fold_core(admin1)]
        return inside[0] if inside else None

    def partner_named(self, name: str, ids: set[str]) -> Place | None:
        """Of several places sharing an English name ('King County' in Washington
        and in Texas), the one the table lists: the partner Taiwan has."""
        return next((p for p in self.partners.get(fold(name), []) if p.id in ids), None)

    def english(self, name: str, country: str | None = None) -> Place | None:
        places = self._own(name)
        in_country = [p for p in places if country is None or p.country == country]
        return in_country[0] if len({p.id for p in in_country}) == 1 else None

    def english_in(self, name: str, admin1: str) -> Place | None:
        """The table's place of ``name`` inside ``admin1`` ('Seo District' of Daegu)."""
        inside = [p for p in self._own(name) if p.admin1 and fold_core(p.admin1) == fold_core(admin1)]
        return inside[0] if inside else None

    def _own(self, name: str) -> list[Place]:
        bare = _KOREAN_UNIT.sub(" district", name)
        return self.own.get(fold(name)) or self.own.get(fold_core(name)) or self.own.get(fold(bare)) or []


_COUNTY_CHARS = "郡縣县"


def _resolve(row: TableRow, lookup) -> Place | None:
    candidates = [p for p in lookup(row.name, row.country) if p.country == row.country]
    if row.admin1:
        inside = [p for p in candidates if p.admin1 and fold_core(p.admin1) == fold_core(row.admin1)]
        candidates = inside or candidates
    same_level = [p for p in candidates if p.level is row.level]
    best = (same_level or candidates or [None])[0]
    return best.model_copy(update={"native": row.zh[0]}) if best is not None and not best.native else best


def _own_place(row: TableRow, shared: bool = False) -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(row.name + (f" {row.admin1}" if shared else ""))).strip("-")
    return Place(id=f"tbl:{row.country}:{slug}", name=row.name, country=row.country, level=row.level,
                 admin1=row.admin1, native=row.zh[0] if row.zh else None)
