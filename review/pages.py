"""What the partnership page shows, and where its buttons lead.

Kept apart from ``review.app`` so the page can be drawn both for a plain
visit and again after a form on it failed validation, with what the
analyst typed still in the form.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from sqlalchemy import Engine

from models import review_queries as rq
from review.highlight import paragraph, segments

EDIT_FIELDS = ("a", "b", "relation", "status", "established", "themes")
MERGE_FIELDS = ("source", "into")
_QUEUE = re.compile(r"/queue(\?[A-Za-z0-9=&%._-]*)?")  # the queue, at a page and position


def partnership(engine: Engine, pid: int, back: str = "") -> dict | None:
    """The page's context: the row, its mentions and best paragraph, the
    decisions on it, and the form values as stored (None: no such row)."""
    row = rq.partnership(engine, pid)
    if row is None:
        return None
    mentions = rq.mentions_of(engine, [pid])
    for m in mentions:
        m["segments"] = segments(m["evidence"], [m["a_text"], m["b_text"]], m["date_text"])
    best = max(mentions, key=lambda m: m["confidence"], default=None)
    context = None
    if best is not None:
        doc = rq.document(engine, best["document_id"])
        if doc and doc["text"]:
            text, start, end = paragraph(doc["text"], best["evidence_start"], best["evidence_end"])
            context = {"before": text[:start], "evidence": best["segments"], "after": text[end:]}
    back = back if _QUEUE.fullmatch(back or "") else ""
    here = f"/partnerships/{pid}" + (f"?{urlencode({'back': back})}" if back else "")
    return {"p": row, "mentions": mentions, "context": context, "error": "", "error_field": "",
            "decisions": rq.decisions_for(engine, row["key"], [row["a_id"], row["b_id"]]),
            "typed": stored_values(row), "here": here, "back": back,
            # Opened from the queue, a decision goes back there, where the next item has focus.
            "after_decision": back or here}


def stored_values(row: dict) -> dict[str, str]:
    """The edit and merge forms as the row stands."""
    day, precision = row["established"], row["established_precision"]
    established = "" if day is None else day.isoformat()[:{"year": 4, "month": 7}.get(precision, 10)]
    return {"a": row["a_id"], "b": row["b_id"], "relation": row["relation"], "status": row["status"],
            "established": established, "themes": ", ".join(row["themes"] or []), "source": row["b_id"],
            "into": ""}


def with_typed(page: dict, form: dict[str, str], fields: tuple[str, ...], error: Exception) -> dict:
    """The page again after a failed form: what was typed, and what is wrong.
    (``path``: the page's own address, not the POST's, for the forms on it.)"""
    merge = fields == MERGE_FIELDS
    typed = {**page["typed"], **{k: form[k] for k in fields if k in form}}
    return {**page, "typed": typed, "error": f"{'Not merged' if merge else 'Not saved'}: {error}",
            "error_field": getattr(error, "field", ""), "error_form": "merge" if merge else "edit",
            "path": f"/partnerships/{page['p']['id']}"}
