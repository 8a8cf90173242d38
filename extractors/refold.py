"""Folding one partnership's decisions over its stored machine values
again, at once: after an analyst's decision (the desk), and after a dedupe
for the rows an analyst decided on while it ran (so a decision taken
meanwhile is not lost to the table the dedupe wrote)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from extractors.decisions import Decision, overlay, place_aliases, priority_of
from extractors.reconcile import settled_by_field, standing
from models.rows import PartnershipRow
from models.store import Store


def decisions_of(store: Store, kind: str, target: str | None = None) -> list[Decision]:
    return [Decision(d["id"], d["kind"], d["target"], d["action"], d["changes"], d["analyst"], d["created_at"])
            for d in store.decisions(kind=kind, target=target)]


def refresh(store: Store, key: str) -> None:
    """Fold a partnership's active decisions over its machine values again."""
    row = store.partnership_row(key)
    if row is None:
        return
    row = reconciled(store, overlay(row, decisions_of(store, "partnership", key),
                                    place_aliases(decisions_of(store, "place"))))
    store.save_review(dataclasses.replace(row, priority=priority_of(row)))


def refresh_all(store: Store, keys: Iterable[str]) -> int:
    n = 0
    for key in sorted(set(keys)):
        refresh(store, key)
        n += 1
    return n


def reconciled(store: Store, row: PartnershipRow) -> PartnershipRow:
    """The row against the reference-list rows matched to it at the last
    dedupe (or of its relation), with the conflicts analysts settled."""
    if row.reference is None:
        return row
    behind = {(x["list"], x["line"]) for x in row.reference_rows}
    claims = [c for c in store.reference_claims((row.a_id, row.b_id))
              if (c.list_name, c.line) in behind or c.relation == row.relation]
    settled = decisions_of(store, "conflict", row.key)
    return standing(row, claims, settled_by_field(settled).get(row.key, {}))
