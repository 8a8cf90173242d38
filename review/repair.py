"""The desk's repairs from a document: the document page with what the
pipeline found in it highlighted, a form to add a partnership it missed
(the evidence chosen by selecting text), a button to reject one mention,
and the place picker's search behind every place field.

Registered on the app by ``review.app``; the actions themselves are in
``review.additions``.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

from models import review_queries as rq
from models.records import Event, Relation, Theme
from review import additions, place_search
from review.actions import EditError

ADD_FIELDS = ("a", "b", "relation", "event", "date", "themes", "start", "end")
MAX_BLOCK = 4000  # characters of document text per highlighted block


def blocks(text: str, mentions: list[dict]) -> list[dict]:
    """The text cut at line breaks into blocks with their offsets, each
    block a list of (text, mention ids) pieces: the pieces inside a
    mention's evidence carry its id, so the page can highlight them."""
    out, start = [], 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        end = min(end, start + MAX_BLOCK)
        cuts = {start, end}
        for m in mentions:
            for x in (m["evidence_start"], m["evidence_end"]):
                if start < x < end:
                    cuts.add(x)
        edges = sorted(cuts)
        pieces = []
        for lo, hi in zip(edges, edges[1:]):
            ids = [m["id"] for m in mentions if m["evidence_start"] <= lo and hi <= m["evidence_end"]]
            pieces.append({"text": text[lo:hi], "mentions": ids})
        out.append({"start": start, "end": end, "pieces": pieces})
        start = end
    return out


def document_page(engine, doc_id: int) -> dict | None:
    doc = rq.document(engine, doc_id)
    if doc is None:
        return None
    mentions = rq.document_mentions(engine, doc_id)
    return {"d": doc, "mentions": mentions, "blocks": blocks(doc["text"] or "", mentions),
            "relations": [r.value for r in Relation], "events": [e.value for e in Event],
            "themes": [t.value for t in Theme], "typed": {}, "error": "", "error_field": ""}


def register(app: FastAPI, desk, page, back) -> None:
    """Add the document page, its two actions and the place search."""
    engine = desk.store.engine

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: int):
        context = document_page(engine, doc_id)
        if context is None:
            raise HTTPException(404, f"There is no document {doc_id}.")
        return page(desk, request, "document.html", context)

    @app.post("/documents/{doc_id}/add")
    def add(request: Request, doc_id: int):
        form = {k: v for k, v in request.state.form.items() if k in ADD_FIELDS}
        try:
            outcome = additions.add_partnership(desk.store, doc_id, form, request.state.user, desk.settings.cache_dir)
        except EditError as exc:
            context = document_page(engine, doc_id)
            if context is None:
                raise HTTPException(404, f"There is no document {doc_id}.") from None
            # The page again with what was typed: an analyst loses nothing to a typo.
            context.update(typed=form, error=f"Not added: {exc}", error_field=exc.field)
            return page(desk, request, "document.html", context, 422)
        return back(request, f"/documents/{doc_id}", f"{outcome.message} (decision {outcome.decision_id}).")

    @app.post("/mentions/{mention_id}/reject")
    def reject_mention(request: Request, mention_id: int):
        try:
            outcome = additions.reject_mention(desk.store, mention_id, request.state.user)
        except EditError as exc:
            return back(request, "/queue", f"Not rejected: {exc}")
        return back(request, "/queue", f"{outcome.message} (decision {outcome.decision_id}).")

    @app.get("/places/search")
    def search(q: str = ""):
        choices = place_search.search(desk.settings.cache_dir, q)
        return JSONResponse([{"id": c.id, "label": c.label} for c in choices])
