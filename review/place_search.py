"""The place picker behind the desk's search-as-you-type fields: any
government the gazetteers know, by its English, Chinese or Japanese name,
shown with its area ("Columbus — Georgia, US"), whether or not the database
holds it yet; and the place an id names, for the form that submits it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.gazetteer.index import load_gazetteer
from extractors.gazetteer.names import fold
from models.records import Place

MAX_QUERY = 60


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str  # "Columbus — Georgia, US"
    name: str
    country: str
    level: str


def label(place: Place) -> str:
    area = ", ".join(x for x in (place.admin1 if place.admin1 != place.name else None, place.country) if x)
    native = f" ({place.native})" if place.native and place.native != place.name else ""
    return f"{place.name}{native} — {area} · {place.level.value.replace('_', ' ')}"


def search(cache_dir: Path, text: str, limit: int = 12) -> list[Choice]:
    """Places whose name begins with ``text``: Taiwan's governments first,
    then Taiwanese Chinese names of foreign places, then the world index."""
    text = (text or "").strip()[:MAX_QUERY]
    if not text:
        return []
    gazetteer = load_gazetteer(cache_dir)
    key = fold(text)
    found: dict[str, Place] = {}
    for entry in gazetteer.taiwan:
        if entry.successor is None and any(fold(n).startswith(key) for n in (*entry.names, *entry.native_names)):
            found.setdefault(entry.place.id, entry.place)
    for name, places in gazetteer.table.by_zh.items():
        if name.startswith(key):
            for place in places:
                found.setdefault(place.id, place)
    for place in gazetteer.world.complete(text, limit=limit * 2):
        if place.country != "TW":
            found.setdefault(place.id, place)
    return [Choice(p.id, label(p), p.name, p.country, p.level.value) for p in list(found.values())[:limit]]


def place_by_id(cache_dir: Path, place_id: str) -> Place | None:
    """A gazetteer place by its id: Taiwan's, the foreign table's or the world index's."""
    gazetteer = load_gazetteer(cache_dir)
    for entry in gazetteer.taiwan:
        if entry.place.id == place_id:
            return gazetteer.current(entry)
    for places in (*gazetteer.table.by_zh.values(), *gazetteer.table.own.values()):
        for place in places:
            if place.id == place_id:
                return place
    return gazetteer.world.by_id(place_id)
