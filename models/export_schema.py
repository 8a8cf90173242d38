"""The one export schema: what ``citypairs export`` writes and the desk's
browse download gives, column for column (documented in the README).

A row per partnership that a researcher can cite: both governments, the
tie's relation, status and dates at their own precision (``2024``,
``2024-05``, ``2024-05-13``), how many independent sources report it, its
standing against the reference lists, its review state, and its best
evidence: the most confident mention's sentence with its document's URL
(or path), title, publication date and page. A tie an analyst added
carries the sentence they chose; a tie only a reference list holds names
the list and line instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine, and_, func, select

from models import schema as t

COLUMNS = (
    "id", "taiwan_side", "taiwan_side_id", "partner", "partner_id", "partner_admin1", "partner_country",
    "relation", "status", "established", "last_event", "last_event_date", "first_reported", "last_reported",
    "themes", "n_sources", "n_documents", "n_mentions", "confidence", "review", "reviewed_by", "reference",
    "evidence", "source_url", "source_title", "source_published", "source_page",
)
LIST_COLUMNS = ("themes",)  # lists in Parquet and JSON; ';'-joined text in CSV and Excel


def at_precision(day, precision: str | None) -> str | None:
    if day is None:
        return None
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}"}.get(precision or "day",
                                                                                        day.isoformat())


def _best_evidence():
    """Each partnership's most confident mention, with its document."""
    pm, m, d = t.partnership_mentions.c, t.mentions.c, t.documents.c
    ranked = (select(pm.partnership_id.label("pid"), m.evidence, m.page, d.origin, d.title, d.published,
                     func.row_number().over(partition_by=pm.partnership_id,
                                            order_by=(m.confidence.desc(), m.id)).label("rank"))
              .join(t.mentions, m.id == pm.mention_id).join(t.documents, d.id == m.document_id)).subquery()
    return ranked


def rows(engine: Engine, conditions: list | None = None, chunk: int = 5000) -> Iterator[dict]:
    """Every partnership meeting ``conditions`` (on the partnerships table;
    rejected rows are left out unless the conditions say otherwise), in
    export columns, read in chunks."""
    p = t.partnerships.c
    a, b = t.places.alias("a"), t.places.alias("b")
    best = _best_evidence()
    query = (select(p.id, p.key, a.c.name.label("taiwan_side"), p.a_id, b.c.name.label("partner"), p.b_id,
                    b.c.admin1, b.c.country, p.relation, p.status, p.established, p.established_precision,
                    p.last_event, p.last_event_date, p.first_reported, p.last_reported, p.themes, p.n_sources,
                    p.n_documents, p.n_mentions, p.confidence, p.review, p.reviewed_by, p.reference,
                    p.reference_rows, best.c.evidence, best.c.origin, best.c.title, best.c.published, best.c.page)
             .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id)
             .outerjoin(best, and_(best.c.pid == p.id, best.c.rank == 1))
             .where(*(conditions if conditions is not None else [p.review != "rejected"]))
             .order_by(a.c.name, b.c.name, p.relation, p.id))
    added = _added_evidence(engine)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
        for r in result:
            evidence = {"evidence": r.evidence, "source_url": r.origin, "source_title": r.title,
                        "source_published": r.published.isoformat() if r.published else None,
                        "source_page": r.page}
            if r.evidence is None and r.key in added:
                evidence = added[r.key]
            elif r.evidence is None and r.reference_rows:
                first = r.reference_rows[0]
                evidence = {**evidence, "source_title": f"reference list {first['list']}, line {first['line']}"}
            yield {"id": r.id, "taiwan_side": r.taiwan_side, "taiwan_side_id": r.a_id, "partner": r.partner,
                   "partner_id": r.b_id, "partner_admin1": r.admin1, "partner_country": r.country,
                   "relation": r.relation, "status": r.status,
                   "established": at_precision(r.established, r.established_precision),
                   "last_event": r.last_event, "last_event_date": at_precision(r.last_event_date, "day"),
                   "first_reported": at_precision(r.first_reported, "day"),
                   "last_reported": at_precision(r.last_reported, "day"), "themes": list(r.themes or []),
                   "n_sources": r.n_sources, "n_documents": r.n_documents, "n_mentions": r.n_mentions,
                   "confidence": r.confidence, "review": r.review, "reviewed_by": r.reviewed_by,
                   "reference": r.reference, **evidence}


def _added_evidence(engine: Engine) -> dict[str, dict]:
    """The sentence and document of each tie an analyst added (few: read at once)."""
    dc, d = t.decisions.c, t.documents.c
    with engine.connect() as conn:
        added = [(r.target, r.changes) for r in conn.execute(
            select(dc.target, dc.changes).where(dc.kind == "partnership", dc.action == "add",
                                                dc.undone_at.is_(None)).order_by(dc.id))]
        ids = sorted({c.get("document_id") for _, c in added if isinstance(c.get("document_id"), int)})
        docs = {r.id: r for r in conn.execute(select(d.id, d.origin, d.title, d.published).where(d.id.in_(ids)))} \
            if ids else {}
    out = {}
    for target, changes in added:
        doc = docs.get(changes.get("document_id"))
        out[target] = {"evidence": changes.get("evidence"), "source_url": doc.origin if doc else None,
                       "source_title": doc.title if doc else None,
                       "source_published": doc.published.isoformat() if doc and doc.published else None,
                       "source_page": None}
    return out


def frame(engine: Engine, conditions: list | None = None, *, lists_as_text: bool = False):
    """The export as a pandas DataFrame in ``COLUMNS`` order."""
    import pandas as pd

    out = pd.DataFrame(list(rows(engine, conditions)), columns=list(COLUMNS))
    out["source_page"] = out["source_page"].astype("Int64")  # a page number, or empty: never 3.0
    if lists_as_text:
        for col in LIST_COLUMNS:
            out[col] = out[col].map(lambda v: ";".join(v) if isinstance(v, list) else v)
    return out
