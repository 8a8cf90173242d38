"""The Conflicts view: where a reference list and the texts disagree, and
how an analyst settles each difference.

Taking the list's value is an ordinary edit of the partnership (after it
the two agree, so the conflict is gone at once and at every later run);
taking the texts' value or keeping both records a ``conflict`` decision
with the analyst's note, which every dedupe applies again.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse

from models import schema as t
from models.store import Store
from review import actions

SETTLE = {"take_text": "kept the texts' value", "take_reference": "took the list's value",
          "keep_both": "kept both values"}
BUTTONS = {"take_text": "Keep the texts' value", "take_reference": "Take the list's value", "keep_both": "Keep both"}
MAX_NOTE = 1000


def settle(store: Store, pid: int, field: str, list_name: str, action: str, note: str, analyst: str,
           cache_dir) -> actions.Outcome:
    """Settle one difference of partnership ``pid`` with list ``list_name``."""
    if action not in SETTLE:
        raise actions.EditError("action", f"'{action}' is not one of {', '.join(SETTLE)}")
    item = next((c for c in _conflicts_of(store, pid) if c["field"] == field and c["list"] == list_name), None)
    if item is None:
        raise actions.EditError("conflict", f"partnership {pid} has no {field} conflict with list '{list_name}'")
    key = store.partnership_row_key(pid)
    if action == "take_reference":
        outcome = actions.edit(store, key, _edit_form(field, item["reference"]), analyst, cache_dir)
        return actions.Outcome(outcome.decision_id, key, f"{SETTLE[action]} for {field} ({outcome.message})")
    changes = {"field": field, "list": list_name, "line": item["line"], "text": item["text"],
               "reference": item["reference"], "note": (note or "").strip()[:MAX_NOTE]}
    did = store.add_decision("conflict", key, action, changes, {}, analyst)
    actions.refresh(store, key)
    return actions.Outcome(did, key, f"{SETTLE[action]} for {field}")


def _edit_form(field: str, value: str) -> dict[str, str]:
    if field == "status":  # the list says 'terminated 1990' or 'active'
        return {"status": "terminated" if value.startswith("terminated") else "active"}
    return {field: value}


def _conflicts_of(store: Store, pid: int) -> list[dict]:
    from sqlalchemy import select

    with store.engine.connect() as conn:
        return conn.scalar(select(t.partnerships.c.conflicts).where(t.partnerships.c.id == pid)) or []


def register(app: FastAPI, desk, page, back) -> None:
    """Add the view and its action to the desk's app (``page`` and ``back``
    are the app's render and redirect helpers)."""

    @app.get("/conflicts", response_class=HTMLResponse)
    def conflicts(request: Request):
        show_all = request.query_params.get("all") == "1"
        rows = desk.store.conflicts(settled=show_all)
        coverage, text_only = desk.store.coverage()
        return page(desk, request, "conflicts.html", {"rows": rows, "show_all": show_all, "coverage": coverage,
                                                      "text_only": text_only, "actions": SETTLE,
                                                      "buttons": BUTTONS})

    @app.post("/partnerships/{pid}/settle")
    def settle_conflict(request: Request, pid: int):
        form = request.state.form
        if desk.store.partnership_row_key(pid) is None:
            raise HTTPException(404, f"There is no partnership {pid}.")
        try:
            outcome = settle(desk.store, pid, form.get("field", ""), form.get("list", ""), form.get("action", ""),
                             form.get("note", ""), request.state.user, desk.settings.cache_dir)
        except actions.EditError as exc:
            return back(request, "/conflicts", f"Not settled: {exc}")
        return back(request, "/conflicts", f"{outcome.message} (decision {outcome.decision_id}).")
