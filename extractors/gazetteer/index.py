"""One gazetteer over Taiwan's table and the world index.

Taiwan's governments come from our own data file (with their history); every
other place from the world index. A former Taiwanese unit (Taipei County)
resolves to today's government (New Taipei) while the mention keeps the name
as written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from extractors.gazetteer.foreign_table import ForeignTable
from extractors.gazetteer.names import fold, glued_japanese_stem, written_as
from extractors.gazetteer.taiwan import TaiwanEntry, load_taiwan
from extractors.gazetteer.world import WorldIndex, load_world_index
from models.records import Level, Place

TOP_LEVELS = {Level.SPECIAL_MUNICIPALITY, Level.COUNTY_CITY, Level.COUNTY}


@dataclass(frozen=True, slots=True)
class TaiwanHit:
    entry: TaiwanEntry  # the unit as written (may be a former one)
    place: Place  # today's government


class Gazetteer:
    def __init__(self, world: WorldIndex, taiwan: list[TaiwanEntry]):
        self.world = world
        self.taiwan = taiwan
        self._by_id = {e.place.id: e for e in taiwan}
        self._by_name: dict[str, list[TaiwanEntry]] = defaultdict(list)
        for entry in taiwan:
            for name in (*entry.names, *entry.native_names):
                bucket = self._by_name[fold(name)]
                if entry not in bucket:
                    bucket.append(entry)

    # -- Taiwan -----------------------------------------------------------
    def taiwan_surface_forms(self) -> dict[str, list[TaiwanEntry]]:
        """Every English and Chinese name, as written in the data file."""
        forms: dict[str, list[TaiwanEntry]] = defaultdict(list)
        for entry in self.taiwan:
            for name in (*entry.names, *entry.native_names):
                forms[name].append(entry)
        return forms

    def taiwan_lookup(self, name: str) -> list[TaiwanEntry]:
        return list(self._by_name.get(fold(name), ()))

    def current(self, entry: TaiwanEntry) -> Place:
        """Today's government for a unit, following successors."""
        seen = set()
        while entry.successor and entry.successor not in seen:
            seen.add(entry.successor)
            entry = self._by_id[entry.successor]
        return entry.place

    # -- the world ---------------------------------------------------------
    def foreign_lookup(self, name: str, country: str | None = None) -> list[Place]:
        found = [p for p in self.world.lookup(name, country) if p.country != "TW"]
        if not found and country in (None, "JP") and (stem := glued_japanese_stem(name.strip())):
            # 'Omamachi, Aomori': Ōma town, its unit glued on as some English texts write it
            found = [p for p in self.world.lookup(stem, "JP") if p.country == "JP" and written_as(p.name, name)]
        return found

    @cached_property
    def table(self) -> ForeignTable:
        """Taiwanese Chinese names of foreign places, and places GeoNames lacks."""
        return ForeignTable(self.foreign_lookup)


@cache
def load_gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer(load_world_index(cache_dir), load_taiwan())
