"""Analyst decisions on top of machine output, and the review queue's triage.

Decisions are facts about the world that an analyst asserted; machine rows
are guesses that every run may redo. So a run first merges the machine's
mentions (with places an analyst merged mapped to one id), then folds each
partnership's decisions over the result, in the order they were made:
accept and reject set the review state, an edit replaces field values (and
keeps the machine's values beside them), undone decisions are skipped.
An analyst can also add a tie the machine missed (a row of its own until
the machine finds it too) and reject one mention without its partnership.
Nothing here reads or writes the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.rows import PartnershipRow, StoredMention

EDITABLE = ("a_id", "b_id", "relation", "status", "established", "established_precision", "themes")
LOW_CONFIDENCE = 0.6
# Queue weights: what makes a human look first.
WEIGHTS = {"provisional_place": 0.5, "date_conflict": 0.4, "reference_conflict": 0.4, "relation_conflict": 0.3,
           "low_confidence": 0.3, "single_source": 0.1, "terminated": 0.1}


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    kind: str  # partnership | place
    target: str  # partnership key | place id
    action: str  # accept | reject | edit | merge
    changes: dict
    analyst: str
    created_at: dt.datetime


def place_aliases(decisions: Iterable[Decision]) -> dict[str, str]:
    """Place id -> the id it was merged into, followed to the end of chains
    (A into B, then B into C: A -> C); a cycle keeps its latest link out."""
    into: dict[str, str] = {}
    for d in sorted((d for d in decisions if d.kind == "place" and d.action == "merge"), key=lambda d: d.id):
        target = d.changes["into"]
        if _resolve(into, target) != d.target:  # refuse what would close a cycle
            into[d.target] = target
    return {source: _resolve(into, source) for source in into}


def _resolve(into: dict[str, str], place: str) -> str:
    seen = set()
    while place in into and place not in seen:
        seen.add(place)
        place = into[place]
    return place


def remap(mentions: Iterable[StoredMention], aliases: dict[str, str]) -> list[StoredMention]:
    """Mentions with merged places replaced by the place they were merged into."""
    if not aliases:
        return list(mentions)
    out = []
    for m in mentions:
        a, b = aliases.get(m.a_id, m.a_id), aliases.get(m.b_id, m.b_id)
        if a == b:
            continue  # a merge made both sides one place: no partnership left
        out.append(m if (a, b) == (m.a_id, m.b_id) else dataclasses.replace(m, a_id=a, b_id=b))
    return out


def overlay(row: PartnershipRow, decisions: Sequence[Decision], aliases: dict[str, str] | None = None) -> PartnershipRow:
    """A machine row with its partnership's active decisions applied in order
    (a place an edit chose and an analyst later merged becomes the merged one)."""
    values = {f: getattr(row, f) for f in EDITABLE}
    machine: dict = {}
    review, by, at = "pending", None, None
    for d in sorted(decisions, key=lambda d: d.id):
        if d.action == "edit":
            for field, value in d.changes.items():
                if field in EDITABLE:
                    machine.setdefault(field, jsonable(getattr(row, field)))
                    values[field] = _parse(field, value)
            review = "edited"
        elif d.action in ("accept", "reject", "add"):
            # An analyst who adds a tie the machine missed asserts it: accepted.
            review = {"accept": "accepted", "reject": "rejected", "add": "accepted"}[d.action]
            if d.action != "reject" and machine:
                review = "edited"  # accepting an edited row keeps the edit
        by, at = d.analyst, d.created_at
    for side in ("a_id", "b_id"):
        values[side] = (aliases or {}).get(values[side], values[side])
    return dataclasses.replace(row, **values, review=review, reviewed_by=by, reviewed_at=at,
                               machine=machine or None)


def added_rows(rows: Sequence[PartnershipRow], decisions: Sequence[Decision]) -> list[PartnershipRow]:
    """A row for each tie an analyst added from a document's sentence that
    the machine has not found (where it has, the addition accepts it). It
    counts its document as one source; it has no machine mention."""
    have = {r.key for r in rows}
    out: dict[str, PartnershipRow] = {}
    for d in sorted(decisions, key=lambda d: d.id):
        if d.kind != "partnership" or d.action != "add" or d.target in have:
            continue
        c = d.changes
        day = dt.date.fromisoformat(c["date"]) if c.get("date") else None
        event = c.get("event") or "established"
        out[d.target] = PartnershipRow(
            key=d.target, a_id=c["a_id"], b_id=c["b_id"], relation=c["relation"], status=EVENT_STATUS[event],
            established=day if event == "established" else None,
            established_precision=c.get("date_precision") if day and event == "established" else None,
            last_event=event, last_event_date=day, first_reported=None, last_reported=None,
            themes=tuple(c.get("themes") or ()), n_mentions=0, n_documents=1, n_sources=1, confidence=1.0,
            mention_ids=())
    return list(out.values())


EVENT_STATUS = {"established": "active", "renewed": "active", "proposed": "proposed", "terminated": "terminated"}


def rejected_mentions(decisions: Iterable[Decision]) -> set[str]:
    """Keys of mentions an analyst rejected on their own: dedupe leaves them out."""
    return {d.target for d in decisions if d.kind == "mention" and d.action == "reject"}


def apply_decisions(rows: Sequence[PartnershipRow], decisions: Sequence[Decision]) -> list[PartnershipRow]:
    by_target: dict[str, list[Decision]] = defaultdict(list)
    for d in decisions:
        if d.kind == "partnership":
            by_target[d.target].append(d)
    aliases = place_aliases(decisions)
    return [overlay(r, by_target[r.key], aliases) if r.key in by_target else r for r in rows]


def triage(rows: Sequence[PartnershipRow], mentions: Iterable[StoredMention],
           provisional: set[str]) -> list[PartnershipRow]:
    """Each row's queue priority and the reasons behind it. Reviewed rows
    keep their reasons but leave the queue (priority 0)."""
    founding_years: dict[str, set[int]] = defaultdict(set)
    mention_row = {mid: r.key for r in rows for mid in r.mention_ids}
    for m in mentions:
        key = mention_row.get(m.id)
        if key and m.event == "established" and m.event_date:
            founding_years[key].add(m.event_date.year)
    relations: dict[frozenset, set[str]] = defaultdict(set)
    for r in rows:
        relations[frozenset((r.a_id, r.b_id))].add(r.relation)
    out = []
    for r in rows:
        if r.n_mentions == 0:
            # A reference list's own tie, or one an analyst added: nothing the machine read to check.
            why = "reference_only" if r.n_documents == 0 else "added_by_analyst"
            out.append(dataclasses.replace(r, reasons=(why,), priority=0.0))
            continue
        reasons = []
        if r.reference == "conflict":
            reasons.append("reference_conflict")
        if r.a_id in provisional or r.b_id in provisional or r.a_id.startswith("prov:") or r.b_id.startswith("prov:"):
            reasons.append("provisional_place")
        if len(founding_years[r.key]) > 1:
            reasons.append("date_conflict")
        if len(relations[frozenset((r.a_id, r.b_id))]) > 1:
            reasons.append("relation_conflict")
        if r.confidence < LOW_CONFIDENCE:
            reasons.append("low_confidence")
        if r.n_sources <= 1:
            reasons.append("single_source")
        if r.status == "terminated":
            reasons.append("terminated")
        row = dataclasses.replace(r, reasons=tuple(reasons))
        out.append(dataclasses.replace(row, priority=priority_of(row)))
    return out


def priority_of(row: PartnershipRow) -> float:
    """Queue order: pending rows only, the more reasons and the less
    confidence the higher."""
    if row.review != "pending" or row.n_mentions == 0:
        return 0.0
    return round(1.0 + sum(WEIGHTS.get(x, 0.0) for x in row.reasons) + (1.0 - row.confidence) * 0.5, 4)


def _parse(field: str, value):
    if field == "established" and isinstance(value, str):
        return dt.date.fromisoformat(value) if value else None
    if field == "themes":
        return tuple(value or ())
    return value


def jsonable(value):
    """A field value as JSON keeps it: dates as ISO text, tuples as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
