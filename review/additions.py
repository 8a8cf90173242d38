"""Repairing what the machine missed or got wrong, from a document: add a
partnership from a sentence, or reject one mention on its own.

An addition is a decision (kind ``partnership``, action ``add``) that holds
the pair, relation, event, date, themes and the evidence (document and
character span); every dedupe turns it into a row, or, once the machine
finds the same tie, into the acceptance of the machine's row. A rejected
mention (kind ``mention``) is left out of every later dedupe; its key is
deterministic, so the rejection holds through re-extraction.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from extractors.decisions import added_rows, priority_of
from models.records import Event, Relation, Theme
from models.rows import partnership_key
from models.store import Store
from review.actions import EditError, Outcome, parse_date, reconciled, resolve_place

MAX_EVIDENCE = 2000  # characters: a sentence or a table row, never a page


def add_partnership(store: Store, document_id: int, form: dict[str, str], analyst: str, cache_dir: Path) -> Outcome:
    """Record a tie an analyst read in a document. Raises EditError naming
    the first field that does not validate; nothing is stored then."""
    text = store.document_text(document_id)
    if text is None:
        raise EditError("document", f"no document {document_id} with text")
    start, end = _int(form.get("start"), "start"), _int(form.get("end"), "end")
    if not 0 <= start < end <= len(text):
        raise EditError("evidence", "select the sentence that states the tie")
    if end - start > MAX_EVIDENCE:
        raise EditError("evidence", f"the evidence is {end - start:,} characters; select one sentence "
                                    f"(at most {MAX_EVIDENCE:,})")
    places = [resolve_place(store, (form.get(f) or "").strip(), cache_dir, f, keep=False) for f in ("a", "b")]
    if places[0].id == places[1].id:
        raise EditError("b", "a place cannot partner with itself")
    taiwan = [p for p in places if p.country == "TW"]
    if not taiwan:
        raise EditError("a", "one side must be a Taiwanese government")
    a, b = (places if places[0].country == "TW" else places[::-1])
    relation = form.get("relation") or ""
    if relation not in {r.value for r in Relation}:
        raise EditError("relation", f"'{relation}' is not one of {', '.join(r.value for r in Relation)}")
    event = form.get("event") or "established"
    if event not in {e.value for e in Event}:
        raise EditError("event", f"'{event}' is not one of {', '.join(e.value for e in Event)}")
    day, precision = parse_date(form.get("date", ""))
    themes = [x for x in re.split(r"[,\s]+", form.get("themes") or "") if x]
    unknown = [x for x in themes if x not in {t.value for t in Theme}]
    if unknown:
        raise EditError("themes", f"unknown theme {', '.join(unknown)}; known: {', '.join(t.value for t in Theme)}")
    for place in (a, b):  # only now that the whole addition is valid
        store.add_place(place)
    key = partnership_key(a.id, b.id, relation)
    changes = {"a_id": a.id, "b_id": b.id, "relation": relation, "event": event,
               "date": day.isoformat() if day else None, "date_precision": precision, "themes": themes,
               "document_id": document_id, "evidence_start": start, "evidence_end": end,
               "evidence": text[start:end]}
    did = store.add_decision("partnership", key, "add", changes, {}, analyst)
    _show(store, key)
    return Outcome(did, key, f"added {a.name} – {b.name} ({relation}, {event})")


def _show(store: Store, key: str) -> None:
    """Make the addition visible now: accept the machine's row of that key,
    or insert the analyst's own row; the next dedupe derives the same."""
    from review.actions import refresh

    if store.partnership_row(key) is not None:
        refresh(store, key)
        return
    decisions = _decisions(store, key)
    [row] = added_rows([], decisions)
    last = decisions[-1]
    row = dataclasses.replace(row, review="accepted", reviewed_by=last.analyst, reviewed_at=last.created_at,
                              reasons=("added_by_analyst",))
    if store.has_reference_lists():
        row = reconciled(store, dataclasses.replace(row, reference="text_only"))
    store.insert_partnership(dataclasses.replace(row, priority=priority_of(row)))


def _decisions(store: Store, key: str):
    from extractors.decisions import Decision

    return [Decision(d["id"], d["kind"], d["target"], d["action"], d["changes"], d["analyst"], d["created_at"])
            for d in store.decisions(kind="partnership", target=key)]


def reject_mention(store: Store, mention_id: int, analyst: str) -> Outcome:
    """Leave one mention out of its partnership from the next run on."""
    mention = store.mention(mention_id)
    if mention is None:
        raise EditError("mention", f"no mention {mention_id}")
    if store.decisions(kind="mention", target=mention["key"]):
        raise EditError("mention", f"mention {mention_id} is already rejected")
    did = store.add_decision("mention", mention["key"], "reject", {"mention_id": mention_id},
                             {"evidence": mention["evidence"][:300]}, analyst)
    return Outcome(did, mention["key"], f"rejected mention {mention_id}; its partnership is counted without it "
                                        "from the next run")


def _int(value: str | None, field: str) -> int:
    if not value or not re.fullmatch(r"[0-9]{1,9}", value):
        raise EditError("evidence", f"{field} must be a character offset")
    return int(value)
