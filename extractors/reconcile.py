"""Reconciling what the texts say with researchers' reference lists.

At every dedupe each canonical partnership is given its standing:
``confirmed`` (a list has it and agrees), ``text_only`` (new to every
list), ``reference_only`` (a list has it, no text yet) or ``conflict`` (a
list has the pair but gives another relation, founding date or lifecycle),
with both values of every difference kept. Claims are matched to rows by
pair: the row of the same relation if there is one, else the pair's
best-attested row, so 'friendship city' in a list against 'sister city' in
the news is one tie in conflict, not two ties.

Analysts settle a conflict with a decision (kind ``conflict``) that takes
the text's value or keeps both with a note; taking the list's value is an
ordinary edit, after which the two agree. Nothing here touches the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from extractors.decisions import Decision
from models.rows import PartnershipRow, ReferenceClaim, partnership_key

CONFIRMED, TEXT_ONLY, REFERENCE_ONLY, CONFLICT = "confirmed", "text_only", "reference_only", "conflict"
STANDINGS = (CONFIRMED, TEXT_ONLY, REFERENCE_ONLY, CONFLICT)
SETTLE_ACTIONS = ("take_text", "keep_both")  # taking the list's value is an edit
_COARSER = {"year": 0, "month": 1, "day": 2}


def remap_claims(claims: Iterable[ReferenceClaim], aliases: dict[str, str]) -> list[ReferenceClaim]:
    """Claims with places an analyst merged replaced by the merged place."""
    out = []
    for c in claims:
        a, b = aliases.get(c.a_id, c.a_id), aliases.get(c.b_id, c.b_id)
        if a != b:
            out.append(c if (a, b) == (c.a_id, c.b_id) else dataclasses.replace(c, a_id=a, b_id=b))
    return out


def reference_only_rows(rows: Sequence[PartnershipRow], claims: Iterable[ReferenceClaim]) -> list[PartnershipRow]:
    """A row for each tie the lists hold whose pair no text mentions: the
    canonical table is the union of both kinds of evidence."""
    in_text = {frozenset((r.a_id, r.b_id)) for r in rows}
    groups: dict[str, list[ReferenceClaim]] = defaultdict(list)
    for c in claims:
        if frozenset((c.a_id, c.b_id)) not in in_text:
            groups[partnership_key(c.a_id, c.b_id, c.relation)].append(c)
    out = []
    for key, group in sorted(groups.items()):
        first = min(group, key=lambda c: (c.list_name, c.line))
        dated = [c for c in group if c.established]
        est = min(dated, key=lambda c: (c.established, -_COARSER[c.established_precision or "year"]), default=None)
        ended = max((c.ended for c in group if c.ended), default=None)
        out.append(PartnershipRow(
            key=key, a_id=first.a_id, b_id=first.b_id, relation=first.relation,
            status="terminated" if ended else "active",
            established=est.established if est else None,
            established_precision=est.established_precision if est else None,
            last_event="terminated" if ended else ("established" if est else None),
            last_event_date=ended or (est.established if est else None),
            first_reported=None, last_reported=None, themes=(), n_mentions=0, n_documents=0, n_sources=0,
            confidence=0.0, mention_ids=(), reference=REFERENCE_ONLY))
    return out


def reconcile(rows: Sequence[PartnershipRow], claims: Sequence[ReferenceClaim],
              decisions: Sequence[Decision] = (), *, have_lists: bool = True) -> list[PartnershipRow]:
    """Every row with its standing against the lists (None where no list
    has been imported: then 'text only' would say nothing)."""
    if not have_lists:
        return [dataclasses.replace(r, reference=None, reference_rows=(), conflicts=()) for r in rows]
    settled = settled_by_field(decisions)
    by_pair: dict[frozenset, list[ReferenceClaim]] = defaultdict(list)
    for c in claims:
        by_pair[frozenset((c.a_id, c.b_id))].append(c)
    rows_by_pair: dict[frozenset, list[PartnershipRow]] = defaultdict(list)
    for r in rows:
        rows_by_pair[frozenset((r.a_id, r.b_id))].append(r)
    matched: dict[str, list[ReferenceClaim]] = defaultdict(list)
    for pair, pair_claims in by_pair.items():
        candidates = rows_by_pair.get(pair, [])
        if not candidates:
            continue
        best = max(candidates, key=lambda r: (r.n_sources, r.n_mentions, r.confidence, r.key))
        for c in pair_claims:
            same = [r for r in candidates if r.relation == c.relation]
            matched[(same[0] if same else best).key].append(c)
    return [standing(r, matched.get(r.key, []), settled.get(r.key, {})) for r in rows]


def standing(row: PartnershipRow, claims: list[ReferenceClaim], settled: dict | None = None) -> PartnershipRow:
    """One row against the claims matched to it."""
    claims = sorted(claims, key=lambda c: (c.list_name, c.line))
    refs = tuple({"list": c.list_name, "line": c.line} for c in claims)
    if not claims:
        return dataclasses.replace(row, reference=None if _list_only(row) else TEXT_ONLY, reference_rows=(),
                                   conflicts=())
    conflicts = []
    for c in claims:
        for field, text_value, list_value in differences(row, c):
            item = {"field": field, "list": c.list_name, "line": c.line, "text": text_value, "reference": list_value}
            decision = (settled or {}).get((field, c.list_name))
            if decision is not None:
                item["resolution"] = decision.action
                item["note"] = decision.changes.get("note") or ""
                item["by"] = decision.analyst
            conflicts.append(item)
    if _list_only(row):
        kind = REFERENCE_ONLY
    elif any("resolution" not in c for c in conflicts):
        kind = CONFLICT
    else:
        kind = CONFIRMED
    return dataclasses.replace(row, reference=kind, reference_rows=refs, conflicts=tuple(conflicts))


def differences(row: PartnershipRow, claim: ReferenceClaim) -> list[tuple[str, str, str]]:
    """(field, text's value, list's value) for each field the two disagree on."""
    out = []
    if _list_only(row):
        return out  # a list's own row: two lists disagreeing is not text against list
    if claim.relation != row.relation:
        out.append(("relation", row.relation, claim.relation))
    if row.established and claim.established:
        coarse = min(_COARSER[row.established_precision or "year"], _COARSER[claim.established_precision or "year"])
        if _cut(row.established, coarse) != _cut(claim.established, coarse):
            out.append(("established", iso(row.established, row.established_precision),
                        iso(claim.established, claim.established_precision)))
    if claim.ended and row.status != "terminated":
        out.append(("status", row.status, f"terminated {iso(claim.ended, claim.ended_precision)}"))
    elif row.status == "terminated" and not claim.ended:
        out.append(("status", "terminated", "active"))
    return out


def _list_only(row: PartnershipRow) -> bool:
    """No document behind it (an analyst's addition has its document)."""
    return row.n_mentions == 0 and row.n_documents == 0


def iso(day: dt.date | None, precision: str | None) -> str:
    """A date at its precision: 2024, 2024-05 or 2024-05-13."""
    if day is None:
        return ""
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}"}.get(precision or "day",
                                                                                        day.isoformat())


def _cut(day: dt.date, coarse: int) -> tuple[int, ...]:
    return (day.year, day.month, day.day)[: coarse + 1]


def settled_by_field(decisions: Sequence[Decision]) -> dict[str, dict[tuple[str, str], Decision]]:
    """Row key -> (field, list) -> the latest decision settling it."""
    out: dict[str, dict[tuple[str, str], Decision]] = defaultdict(dict)
    for d in sorted(decisions, key=lambda d: d.id):
        if d.kind == "conflict" and d.action in SETTLE_ACTIONS:
            out[d.target][(d.changes.get("field", ""), d.changes.get("list", ""))] = d
    return out
