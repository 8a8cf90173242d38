"""What an analyst can do to a partnership, checked and recorded.

Every action writes a decision (who, when, what changed, what it was) and
then re-folds all active decisions of that partnership over the machine's
values, so the table shows the result at once; the next dedupe run applies
the same decisions again to whatever the machine finds then.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import dateparser

from extractors.decisions import EDITABLE, Decision, jsonable, overlay
from extractors.gazetteer.index import load_gazetteer
from extractors.gazetteer.names import fold
from extractors.refold import reconciled, refresh  # noqa: F401 (refresh: the desk's actions and additions use it)
from extractors.reference_resolve import RowError, partner_place
from models.records import Level, Place, Relation, Theme
from models.store import Store

STATUSES = ("proposed", "active", "terminated")


class EditError(ValueError):
    """An edit that cannot be applied, naming the field."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True, slots=True)
class Outcome:
    decision_id: int
    key: str
    message: str


def _decisions(store: Store, key: str) -> list[Decision]:
    return [Decision(d["id"], d["kind"], d["target"], d["action"], d["changes"], d["analyst"], d["created_at"])
            for d in store.decisions(kind="partnership", target=key)]


def _before(store: Store, key: str) -> dict:
    row = store.partnership_row(key)
    if row is None:
        raise EditError("partnership", f"no partnership {key}")
    return {f: jsonable(getattr(row, f)) for f in EDITABLE}


def accept(store: Store, key: str, analyst: str) -> Outcome:
    did = store.add_decision("partnership", key, "accept", {}, _before(store, key), analyst)
    refresh(store, key)
    return Outcome(did, key, "accepted")


def reject(store: Store, key: str, analyst: str) -> Outcome:
    did = store.add_decision("partnership", key, "reject", {}, _before(store, key), analyst)
    refresh(store, key)
    return Outcome(did, key, "rejected")


def edit(store: Store, key: str, form: dict[str, str], analyst: str, cache_dir: Path) -> Outcome:
    """Apply the fields of an edit form that differ from the row's values.
    Raises EditError naming the first field that does not validate."""
    current = store.partnership_row(key)
    if current is None:
        raise EditError("partnership", f"no partnership {key}")
    shown = overlay(current, _decisions(store, key))
    changes: dict = {}
    new_places: list[Place] = []
    for field in ("a", "b"):
        text = (form.get(field) or "").strip()
        if text and text != getattr(shown, f"{field}_id"):
            place = resolve_place(store, text, cache_dir, field, keep=False)
            new_places.append(place)
            changes[f"{field}_id"] = place.id
    if form.get("relation") and form["relation"] != shown.relation:
        if form["relation"] not in [r.value for r in Relation]:
            raise EditError("relation", f"'{form['relation']}' is not one of {', '.join(r.value for r in Relation)}")
        changes["relation"] = form["relation"]
    if form.get("status") and form["status"] != shown.status:
        if form["status"] not in STATUSES:
            raise EditError("status", f"'{form['status']}' is not one of {', '.join(STATUSES)}")
        changes["status"] = form["status"]
    if "established" in form:
        day, precision = parse_date(form["established"])
        if (day, precision) != (shown.established, shown.established_precision if day else None):
            changes["established"] = day.isoformat() if day else None
            changes["established_precision"] = precision
    if "themes" in form:
        themes = [x.strip() for x in re.split(r"[,\s]+", form["themes"]) if x.strip()]
        unknown = [x for x in themes if x not in {t.value for t in Theme}]
        if unknown:
            raise EditError("themes", f"unknown theme {', '.join(unknown)}; known: {', '.join(t.value for t in Theme)}")
        if tuple(themes) != tuple(shown.themes):
            changes["themes"] = themes
    if changes.get("a_id", shown.a_id) == changes.get("b_id", shown.b_id):
        raise EditError("b", "a place cannot partner with itself")
    if not changes:
        raise EditError("form", "nothing changed")
    for place in new_places:  # only now that the whole edit is valid
        store.add_place(place)
    did = store.add_decision("partnership", key, "edit", changes, _before(store, key), analyst)
    refresh(store, key)
    return Outcome(did, key, "edited: " + ", ".join(sorted(changes)))


def merge_places(store: Store, source: str, into: str, analyst: str) -> Outcome:
    """Record that two place ids are one place; partnerships point at
    ``into`` now, and their mentions merge at the next dedupe."""
    for field, pid in (("source", source), ("into", into)):
        if store.place(pid) is None:
            raise EditError(field, f"no place with id '{pid}'")
    if source == into:
        raise EditError("into", "a place cannot be merged into itself")
    did = store.add_decision("place", source, "merge", {"into": into}, store.place(source) or {}, analyst)
    store.remap_place(source, into)
    return Outcome(did, source, f"{source} merged into {into}")


def undo(store: Store, decision_id: int, analyst: str) -> Outcome:
    undone = store.undo_decision(decision_id, analyst)
    if undone is None:
        raise EditError("decision", f"no active decision {decision_id}")
    if undone["kind"] in ("partnership", "conflict"):
        refresh(store, undone["target"])
    elif undone["kind"] == "mention":
        pass  # the mention counts again from the next run
    else:  # a place merge: point rows back until the next dedupe rebuilds them
        store.unmap_place(undone["target"], undone["changes"]["into"])
    return Outcome(decision_id, undone["target"], f"undid decision {decision_id} ({undone['action']})")


# -- validation ---------------------------------------------------------------
def resolve_place(store: Store, text: str, cache_dir: Path, field: str = "place", *, keep: bool = True) -> Place:
    """A place from what an analyst typed: a known id (TW-TPE, gn:3067696,
    prov:JP:...), "Name, CC" found in the gazetteers, or "new: Name, CC" for
    a provisional place the gazetteers lack. With ``keep`` it is added to
    the places table at once."""
    known = store.place(text)
    if known is not None:
        return Place(id=known["id"], name=known["name"], country=known["country"], level=Level(known["level"]),
                     admin1=known.get("admin1"), provisional=bool(known["provisional"]))
    from review.place_search import place_by_id

    listed = place_by_id(cache_dir, text) if re.fullmatch(r"(?:gn|iso|uscounty|tbl):\S+|TW-\S+", text) else None
    if listed is not None:  # a gazetteer place the database does not hold yet (the picker gives ids)
        if keep:
            store.add_place(listed)
        return listed
    new = text.lower().startswith("new:")
    name, _, country = text[4 if new else 0:].rpartition(",")
    name, country = name.strip(), country.strip().upper()
    if not name or not re.fullmatch(r"[A-Z]{2}", country):
        raise EditError(field, f"'{text}' is not a place id or 'Name, CC' (two-letter country code)")
    if new:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "place"
        place = Place(id=f"prov:{country}:{slug}", name=name, country=country, level=Level.CITY, provisional=True)
    else:
        gazetteer = load_gazetteer(cache_dir)
        if country == "TW":
            hits = [gazetteer.current(e) for e in gazetteer.taiwan_lookup(name)]
            if not hits:
                raise EditError(field, f"no place called '{name}' in {country}; write 'new: {name}, {country}' "
                                       "to add it as a provisional place")
            place = hits[0]
        else:
            # 'Columbus, Georgia, US' names the state; 'Columbus, US' is refused as ambiguous, never guessed.
            try:
                place = partner_place(gazetteer, name, country)
            except RowError as exc:
                raise EditError(field, f"{exc}; or pick the place from the list, or write 'new: {name}, {country}' "
                                       "to add it as a provisional place") from None
    if keep:
        store.add_place(place)
    return place


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """ISO year, month or day, or a written date ('13 May 2019'); empty clears."""
    text = (text or "").strip()
    if not text:
        return None, None
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), "year"
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        try:
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        except ValueError:
            pass
    else:
        try:
            return dt.date.fromisoformat(text), "day"
        except ValueError:
            parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
            if parsed is not None:
                return parsed.date(), "day"
    raise EditError("established", f"'{text}' is not a date (write 2019, 2019-05 or 2019-05-13)")

