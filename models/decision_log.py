"""The store's side of analyst review: decisions kept apart from machine
output, the machine's values of a reviewed partnership, and the places an
edit or a merge touches. A mixin of :class:`models.store.Store`."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, insert, select, update

from models import schema as t
from models.records import Place
from models.rows import PartnershipRow, now, partnership_values, place_values


class DecisionLog:
    engine: Engine

    # -- analyst decisions ----------------------------------------------------
    def add_decision(self, kind: str, target: str, action: str, changes: dict, before: dict, analyst: str) -> int:
        with self.engine.begin() as conn:
            return conn.execute(insert(t.decisions).values(
                kind=kind, target=target, action=action, changes=changes, before=before, analyst=analyst,
                created_at=now())).inserted_primary_key[0]

    def undo_decision(self, decision_id: int, analyst: str) -> dict | None:
        """Mark a decision undone; returns it, or None if there is no such active decision."""
        d = t.decisions.c
        with self.engine.begin() as conn:
            row = conn.execute(select(t.decisions).where(d.id == decision_id, d.undone_at.is_(None))).first()
            if row is None:
                return None
            conn.execute(update(t.decisions).where(d.id == decision_id).values(undone_at=now(), undone_by=analyst))
            return dict(row._mapping)

    def decisions(self, *, kind: str | None = None, target: str | None = None, active: bool = True) -> list[dict]:
        d = t.decisions.c
        query = select(t.decisions).order_by(d.id)
        if kind:
            query = query.where(d.kind == kind)
        if target:
            query = query.where(d.target == target)
        if active:
            query = query.where(d.undone_at.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def decided_since(self, moment: dt.datetime) -> set[str]:
        """Partnership keys an analyst decided on (or undid a decision of)
        since ``moment``."""
        d = t.decisions.c
        query = select(d.target).where(d.kind.in_(("partnership", "conflict")),
                                       (d.created_at >= moment) | (d.undone_at >= moment))
        with self.engine.connect() as conn:
            return set(conn.scalars(query))

    def last_decision(self, analyst: str | None = None) -> dict | None:
        """The latest active decision (of one analyst), for undo."""
        d = t.decisions.c
        query = select(t.decisions).where(d.undone_at.is_(None)).order_by(d.id.desc()).limit(1)
        if analyst:
            query = query.where(d.analyst == analyst)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
            return dict(row._mapping) if row else None

    def partnership_row_key(self, partnership_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.partnerships.c.key).where(t.partnerships.c.id == partnership_id))

    def partnership_row(self, key: str) -> PartnershipRow | None:
        """A stored partnership with the machine's values restored where an
        analyst edited them, ready to have its decisions folded over again."""
        p = t.partnerships.c
        with self.engine.connect() as conn:
            r = conn.execute(select(t.partnerships).where(p.key == key)).first()
            if r is None:
                return None
            mids = tuple(conn.scalars(select(t.partnership_mentions.c.mention_id)
                                      .where(t.partnership_mentions.c.partnership_id == r.id)))
        values = dict(r._mapping)
        for field, value in (values.get("machine") or {}).items():
            values[field] = dt.date.fromisoformat(value) if field == "established" and value else value
        return PartnershipRow(
            key=r.key, a_id=values["a_id"], b_id=values["b_id"], relation=values["relation"],
            status=values["status"], established=values["established"],
            established_precision=values["established_precision"], last_event=r.last_event,
            last_event_date=r.last_event_date, first_reported=r.first_reported, last_reported=r.last_reported,
            themes=tuple(values["themes"] or ()), n_mentions=r.n_mentions, n_documents=r.n_documents,
            n_sources=r.n_sources, confidence=r.confidence, mention_ids=mids, reasons=tuple(r.reasons or ()),
            reference=r.reference, reference_rows=tuple(r.reference_rows or ()), conflicts=tuple(r.conflicts or ()))

    def save_review(self, row: PartnershipRow) -> None:
        """Write a row's reviewed values (fields, review state, priority) in place."""
        values = partnership_values(row)
        with self.engine.begin() as conn:
            conn.execute(update(t.partnerships).where(t.partnerships.c.key == row.key).values(**values))

    def remap_place(self, source: str, into: str) -> int:
        """Point partnerships at the place another was merged into, until the
        next dedupe merges their mentions; the old id is kept as the
        machine's value so an undo can restore it. Returns rows changed."""
        return self._repoint(source, into, undo=False)

    def unmap_place(self, source: str, into: str) -> int:
        """Undo :meth:`remap_place` for the rows it changed."""
        return self._repoint(source, into, undo=True)

    def _repoint(self, source: str, into: str, *, undo: bool) -> int:
        p = t.partnerships.c
        changed = 0
        with self.engine.begin() as conn:
            rows = conn.execute(select(p.id, p.a_id, p.b_id, p.machine).where(
                (p.a_id == (into if undo else source)) | (p.b_id == (into if undo else source)))).all()
            for r in rows:
                machine, values = dict(r.machine or {}), {}
                for side in ("a_id", "b_id"):
                    if not undo and getattr(r, side) == source:
                        machine.setdefault(side, source)
                        values[side] = into
                    elif undo and getattr(r, side) == into and machine.get(side) == source:
                        values[side] = machine.pop(side)
                if values:
                    conn.execute(update(t.partnerships).where(p.id == r.id).values(**values, machine=machine or None))
                    changed += 1
        return changed

    def provisional_places(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.scalars(select(t.places.c.id).where(t.places.c.provisional == 1)))

    def insert_partnership(self, row: PartnershipRow) -> None:
        """A row an analyst added, until the next dedupe derives it again."""
        with self.engine.begin() as conn:
            if conn.scalar(select(t.partnerships.c.id).where(t.partnerships.c.key == row.key)) is None:
                conn.execute(insert(t.partnerships).values(**partnership_values(row)))

    def document_text(self, document_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.documents.c.text).where(t.documents.c.id == document_id))

    def mention(self, mention_id: int) -> dict | None:
        m = t.mentions.c
        with self.engine.connect() as conn:
            row = conn.execute(select(m.id, m.key, m.document_id, m.evidence).where(m.id == mention_id)).first()
            return dict(row._mapping) if row else None

    def add_place(self, place: Place) -> None:
        with self.engine.begin() as conn:
            if conn.scalar(select(t.places.c.id).where(t.places.c.id == place.id)) is None:
                conn.execute(insert(t.places).values(**place_values(place)))

    def place(self, place_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.places).where(t.places.c.id == place_id)).first()
            return dict(row._mapping) if row else None
