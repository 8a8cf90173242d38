"""The review app's reads: one page of the queue or of the canonical table,
with its filters, always through an index and LIMIT/OFFSET, never a whole
table in memory (but for the charts' frame, read once per state of the
data). (Writes go through :class:`models.store.Store`.)"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Engine, Integer, String, and_, cast, func, or_, select, true

from models import schema as t

PAGE = 25


@dataclass(frozen=True, slots=True)
class Filters:
    """What the browse page is narrowed to; empty fields do not filter."""

    tw: str = ""  # Taiwanese government id (TW-TPE)
    country: str = ""  # partner country code
    relation: str = ""
    status: str = ""
    theme: str = ""
    year: str = ""  # year established
    review: str = ""  # pending | accepted | edited | rejected; empty = all but rejected
    q: str = ""  # part of either place's name

    def as_query(self) -> dict[str, str]:
        return {k: v for k in self.__slots__ if (v := getattr(self, k))}


def _partnership_columns():
    p = t.partnerships.c
    a, b = t.places.alias("a"), t.places.alias("b")
    query = select(p.id, p.key, p.a_id, p.b_id, a.c.name.label("a"), b.c.name.label("b"),
                   a.c.level.label("a_level"), b.c.country.label("b_country"), b.c.admin1.label("b_admin1"),
                   b.c.level.label("b_level"), a.c.provisional.label("a_provisional"),
                   b.c.provisional.label("b_provisional"), p.relation, p.status, p.established,
                   p.established_precision, p.themes, p.n_sources, p.n_documents, p.n_mentions, p.confidence,
                   p.review, p.reviewed_by, p.reviewed_at, p.priority, p.reasons, p.machine, p.last_event,
                   p.first_reported, p.last_reported, p.reference, p.reference_rows, p.conflicts)
    return query.join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id), a, b


def _conditions(f: Filters) -> list:
    """The filters as conditions on the partnerships table alone (places
    through sub-selects), so counting and paging never join."""
    p, pl = t.partnerships.c, t.places.c
    conditions = [p.review == f.review] if f.review else [p.review != "rejected"]
    if f.tw:
        conditions.append(p.a_id == f.tw)
    if f.country:
        conditions.append(p.b_id.in_(select(pl.id).where(pl.country == f.country.upper())))
    if f.relation:
        conditions.append(p.relation == f.relation)
    if f.status:
        conditions.append(p.status == f.status)
    if f.theme:
        conditions.append(cast(p.themes, String).like(f'%"{f.theme}"%'))
    if f.year.isdigit():
        year = int(f.year)
        conditions.append(and_(p.established >= dt.date(year, 1, 1), p.established <= dt.date(year, 12, 31)))
    if f.q:
        q = f.q.strip()
        # Chinese names too, in either form of 台/臺 ('台南' finds 臺南市).
        spellings = {q, q.replace("台", "臺"), q.replace("臺", "台")}
        named = select(pl.id).where(or_(func.lower(pl.name).like(f"%{q.lower()}%"),
                                        *(pl.native.like(f"%{s}%") for s in sorted(spellings))))
        conditions.append(p.a_id.in_(named) | p.b_id.in_(named))
    return conditions


def conditions(f: Filters) -> list:
    """The browse filters as conditions, for a download of the same view."""
    return _conditions(f)


def _page_of(engine: Engine, conditions: list, order: list, page: int, per_page: int) -> list[dict]:
    """One page: the ids first (an index walk with no joins, however deep
    the page), then the full rows of just those ids."""
    p = t.partnerships.c
    ids = (select(p.id).where(*conditions).order_by(*order).limit(per_page)
           .offset((max(page, 1) - 1) * per_page))
    query, _, _ = _partnership_columns()
    with engine.connect() as conn:
        wanted = list(conn.scalars(ids))
        if not wanted:
            return []
        found = {r.id: dict(r._mapping) for r in conn.execute(query.where(p.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]


def browse(engine: Engine, f: Filters, page: int = 1, per_page: int = PAGE) -> tuple[list[dict], int]:
    """One page of the canonical table, newest rows first, and the total."""
    conditions = _conditions(f)
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(t.partnerships).where(*conditions))
    return _page_of(engine, conditions, [t.partnerships.c.id.desc()], page, per_page), total


def browse_all(engine: Engine, f: Filters, chunk: int = 5000):
    """Every row of the current view, in chunks (for CSV and Excel export)."""
    query, _, _ = _partnership_columns()
    query = query.where(*_conditions(f)).order_by(t.partnerships.c.id)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
        for r in result:
            yield dict(r._mapping)


def queue(engine: Engine, page: int = 1, per_page: int = PAGE) -> tuple[list[dict], int]:
    """Pending partnerships, highest priority first, with each one's best
    evidence (the most confident mention)."""
    p = t.partnerships.c
    # Priority 0: a reference list's own tie, with nothing the machine read to check.
    waiting = [p.review == "pending", p.priority > 0]
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(t.partnerships).where(*waiting))
    rows = _page_of(engine, waiting, [p.priority.desc(), p.id.desc()], page, per_page)
    best = best_mentions(engine, [r["id"] for r in rows])
    around = paragraphs(engine, [(m["document_id"], m["evidence_start"], m["evidence_end"]) for m in best.values()])
    for r in rows:
        r["evidence"] = m = best.get(r["id"])
        r["paragraph"] = around.get((m["document_id"], m["evidence_start"], m["evidence_end"])) if m else None
    return rows, total


def best_mentions(engine: Engine, partnership_ids: list[int]) -> dict[int, dict]:
    if not partnership_ids:
        return {}
    found: dict[int, list[dict]] = defaultdict(list)
    for m in mentions_of(engine, partnership_ids):
        found[m["partnership_id"]].append(m)
    return {pid: max(ms, key=lambda m: (m["confidence"], -m["id"])) for pid, ms in found.items()}


def mentions_of(engine: Engine, partnership_ids: list[int]) -> list[dict]:
    """Every mention behind these partnerships, with its document's title,
    source, origin and date."""
    pm, m, d = t.partnership_mentions.c, t.mentions.c, t.documents.c
    query = (select(pm.partnership_id, m.id, m.a_text, m.b_text, m.relation, m.event, m.event_date,
                    m.date_precision, m.date_text, m.themes, m.evidence, m.evidence_start, m.evidence_end, m.page,
                    m.confidence, m.document_id, d.title, d.source, d.origin, d.published, d.media_type,
                    d.text_source)
             .join(t.mentions, m.id == pm.mention_id).join(t.documents, d.id == m.document_id)
             .where(pm.partnership_id.in_(partnership_ids)).order_by(pm.partnership_id, d.id, m.evidence_start))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def document_mentions(engine: Engine, doc_id: int) -> list[dict]:
    """Every mention the pipeline found in a document, with both places'
    names, its partnership (if dedupe kept it) and whether an analyst
    rejected it on its own."""
    m, pm, dc = t.mentions.c, t.partnership_mentions.c, t.decisions.c
    a, b = t.places.alias("a"), t.places.alias("b")
    rejected = (select(dc.id).where(dc.kind == "mention", dc.target == m.key, dc.undone_at.is_(None))
                .exists().label("rejected"))
    query = (select(m.id, m.key, a.c.name.label("a"), b.c.name.label("b"), b.c.country.label("b_country"),
                    m.a_text, m.b_text, m.relation, m.event, m.date_text, m.evidence_start, m.evidence_end,
                    m.confidence, pm.partnership_id, rejected)
             .join(a, a.c.id == m.a_id).join(b, b.c.id == m.b_id)
             .outerjoin(t.partnership_mentions, pm.mention_id == m.id)
             .where(m.document_id == doc_id).order_by(m.evidence_start, m.id))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def partnership(engine: Engine, pid: int) -> dict | None:
    query, _, _ = _partnership_columns()
    with engine.connect() as conn:
        row = conn.execute(query.where(t.partnerships.c.id == pid)).first()
        return dict(row._mapping) if row else None


def decisions_for(engine: Engine, key: str, place_ids: list[str]) -> list[dict]:
    """Decisions on a partnership and on its places, newest first."""
    d = t.decisions.c
    query = (select(t.decisions).where(((d.kind == "partnership") & (d.target == key))
                                       | ((d.kind == "place") & d.target.in_(place_ids)))
             .order_by(d.id.desc()))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def recent_decisions(engine: Engine, limit: int = 100) -> list[dict]:
    """The latest decisions, each with the pair it is about (``pair``,
    ``pid``) where its target is a partnership still in the table."""
    d, p = t.decisions.c, t.partnerships.c
    a, b = t.places.alias("a"), t.places.alias("b")
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(t.decisions).order_by(d.id.desc()).limit(limit))]
        keys = sorted({r["target"] for r in rows})
        pairs = {r.key: (r.id, f"{r.a_name} – {r.b_name} ({r.relation})") for r in conn.execute(
            select(p.key, p.id, p.relation, a.c.name.label("a_name"), b.c.name.label("b_name"))
            .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id).where(p.key.in_(keys)))} if keys else {}
    for r in rows:
        r["pid"], r["pair"] = pairs.get(r["target"], (None, None))
    return rows


def document(engine: Engine, doc_id: int) -> dict | None:
    d = t.documents.c
    with engine.connect() as conn:
        row = conn.execute(select(d.id, d.sha256, d.title, d.source, d.origin, d.published, d.media_type, d.text,
                                  d.pages, d.status).where(d.id == doc_id)).first()
        return dict(row._mapping) if row else None


def paragraphs(engine: Engine, spans: list[tuple[int, int, int]], limit: int = 600) -> dict[tuple, tuple]:
    """For each (document id, start, end) of an evidence sentence, the text
    around it up to the paragraph's edges (at most ``limit`` characters on
    each side): (before, after). Reads only those slices of the texts."""
    d = t.documents.c
    out: dict[tuple, tuple] = {}
    with engine.connect() as conn:
        for doc_id, start, end in spans:
            left = max(0, start - limit)
            piece = conn.scalar(select(func.substr(d.text, left + 1, end - left + limit)).where(d.id == doc_id))
            if piece is None:
                continue
            before, after = piece[:start - left], piece[end - left:]
            before = before[before.rfind("\n\n") + 2:] if "\n\n" in before else before
            after = after[:after.find("\n\n")] if "\n\n" in after else after
            out[(doc_id, start, end)] = (before, after)
    return out


def choices(engine: Engine) -> dict[str, list[tuple[str, str]]]:
    """Values the browse filters offer: Taiwanese governments and partner
    countries that occur, relations, statuses, themes and years."""
    p = t.partnerships.c
    a, b = t.places.alias("a"), t.places.alias("b")
    with engine.connect() as conn:
        tw_ids = select(p.a_id).distinct().scalar_subquery()
        governments = conn.execute(select(a.c.id, a.c.name).where(a.c.id.in_(tw_ids)).order_by(a.c.name)).all()
        b_ids = select(p.b_id).distinct().scalar_subquery()
        countries = conn.scalars(select(b.c.country).where(b.c.id.in_(b_ids)).distinct().order_by(b.c.country)).all()
        years = conn.scalars(select(func.substr(cast(p.established, String), 1, 4))
                             .where(p.established.is_not(None)).distinct()).all()
    return {"tw": [(r.id, r.name) for r in governments], "country": [(c, c) for c in countries],
            "year": [(y, y) for y in sorted({y for y in years if y}, reverse=True)]}


FIGURE_COLUMNS = ("id", "a", "a_country", "a_id", "b", "b_country", "b_id", "relation", "status", "established",
                  "themes", "n_sources", "confidence", "review")


def figures_frame(engine: Engine):
    """Every partnership, rejected ones too (the figures count them apart,
    never as partnerships), with just the columns the figures and charts
    read. The one whole-table read here: the charts are drawn from it once
    per state of the data (``data_version``), never once per page view."""
    import pandas as pd

    p = t.partnerships.c
    a, b = t.places.alias("a"), t.places.alias("b")
    # Dates as ISO text and themes as JSON text: parsing 100,000 of each
    # row by row would take longer than drawing the charts.
    query = (select(p.id, a.c.name.label("a"), a.c.country.label("a_country"), p.a_id, b.c.name.label("b"),
                    b.c.country.label("b_country"), p.b_id, p.relation, p.status, cast(p.established, String),
                    cast(p.themes, String), p.n_sources, p.confidence, p.review)
             .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id))
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query)]
    frame = pd.DataFrame.from_records(rows, columns=list(FIGURE_COLUMNS))
    parsed = {text: json.loads(text) if text else [] for text in set(frame["themes"].dropna())}
    frame["themes"] = [parsed.get(text, []) if isinstance(text, str) else [] for text in frame["themes"]]
    return frame


def data_version(engine: Engine) -> tuple:
    """A fingerprint of everything the figures are drawn from, in one
    query: it changes when a partnership is added, removed or changed in a
    field the charts show (dedupe rewrites rows in place, so counts and
    largest ids alone would miss it), when a decision is taken or undone,
    and when a place is added or renamed. Lengths stand in for text: every
    relation and status has a length of its own (review states too, but
    for accepted and rejected, which decisions tell apart); a themes list,
    place id or name replaced by one of exactly the same length, with
    nothing else changing, is what it can miss."""
    p, d, pl = t.partnerships.c, t.decisions.c, t.places.c
    w = p.id % 1009 + 1  # weights by row, so that two rows trading values still count as a change
    year = cast(func.substr(cast(p.established, String), 1, 4), Integer)
    fields = (func.length(p.status) + 16 * func.length(p.relation) + 256 * func.length(p.review)
              + 4096 * func.coalesce(year, 0))
    sides = (func.length(cast(p.themes, String)) + 1024 * func.length(p.a_id) + 65536 * func.length(p.b_id))
    rows = select(func.count().label("p_n"), func.max(p.id).label("p_max"), func.sum(w * fields).label("p_fields"),
                  func.sum(w * sides).label("p_sides")).subquery()
    decided = select(func.count().label("d_n"), func.max(d.id).label("d_max"),
                     func.count(d.undone_at).label("d_undone")).subquery()
    places = select(func.count().label("pl_n"),
                    func.sum(func.length(pl.name) + func.length(pl.country)).label("pl_names")).subquery()
    query = select(rows, decided, places).select_from(rows.join(decided, true()).join(places, true()))
    with engine.connect() as conn:
        return tuple(conn.execute(query).one())
