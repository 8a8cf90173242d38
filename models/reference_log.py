"""Store mixin: reference lists and their claims, and the reads that
report how text and lists agree (conflicts, coverage)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update

from models import schema as t
from models.records import Place
from models.rows import ReferenceClaim, RowProblem, now, place_values, same

_CLAIM_FIELDS = ("line", "established", "established_precision", "ended", "ended_precision", "note", "row")


class ReferenceLog:
    engine = None  # set by Store

    def import_reference(self, name: str, origin: str, sha256: str, rows: int, claims: Sequence[ReferenceClaim],
                         places: Sequence[Place], problems: Sequence[RowProblem]) -> dict[str, int]:
        """Make the list ``name`` hold exactly ``claims``, in one transaction:
        a claim is matched on its pair and relation, so a re-import updates
        changed rows, adds new ones and drops those the list no longer has."""
        c = t.reference_claims.c
        counts = {"added": 0, "updated": 0, "removed": 0, "unchanged": 0}
        stamp = now()
        with self.engine.begin() as conn:
            have = set(conn.scalars(select(t.places.c.id).where(t.places.c.id.in_({p.id for p in places}))))
            for place in {p.id: p for p in places}.values():
                if place.id not in have:
                    conn.execute(insert(t.places).values(**place_values(place)))
            meta = dict(origin=origin, sha256=sha256, imported_at=stamp, rows=rows, claims=len(claims),
                        problems=[{"line": p.line, "reason": p.reason, "detail": p.detail} for p in problems])
            if conn.scalar(select(t.reference_lists.c.name).where(t.reference_lists.c.name == name)) is None:
                conn.execute(insert(t.reference_lists).values(name=name, **meta))
            else:
                conn.execute(update(t.reference_lists).where(t.reference_lists.c.name == name).values(**meta))
            old = {(r.a_id, r.b_id, r.relation): r for r in conn.execute(
                select(t.reference_claims).where(c.list_name == name))}
            for claim in claims:
                values = {f: getattr(claim, f) for f in _CLAIM_FIELDS}
                prior = old.pop((claim.a_id, claim.b_id, claim.relation), None)
                if prior is None:
                    conn.execute(insert(t.reference_claims).values(
                        list_name=name, a_id=claim.a_id, b_id=claim.b_id, relation=claim.relation,
                        imported_at=stamp, **values))
                    counts["added"] += 1
                elif any(not same(getattr(prior, f), v) for f, v in values.items()):
                    conn.execute(update(t.reference_claims).where(c.id == prior.id).values(imported_at=stamp, **values))
                    counts["updated"] += 1
                else:
                    counts["unchanged"] += 1
            if old:
                conn.execute(delete(t.reference_claims).where(c.id.in_([r.id for r in old.values()])))
                counts["removed"] = len(old)
        return counts

    def reference_claims(self, pair: tuple[str, str] | None = None) -> list[ReferenceClaim]:
        c = t.reference_claims.c
        query = select(t.reference_claims).order_by(c.list_name, c.line)
        if pair is not None:
            query = query.where(c.a_id.in_(pair), c.b_id.in_(pair))
        with self.engine.connect() as conn:
            return [ReferenceClaim(list_name=r.list_name, line=r.line, a_id=r.a_id, b_id=r.b_id, relation=r.relation,
                                   established=r.established, established_precision=r.established_precision,
                                   ended=r.ended, ended_precision=r.ended_precision, note=r.note, row=r.row)
                    for r in conn.execute(query)]

    def reference_lists(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.reference_lists).order_by(t.reference_lists.c.name))]

    def has_reference_lists(self) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.reference_lists)) > 0

    def conflicts(self, *, settled: bool = False) -> list[dict]:
        """One row per difference between a partnership and a list row,
        with both places' names; settled ones only when asked for."""
        p = t.partnerships.c
        a, b = t.places.alias("a"), t.places.alias("b")
        query = (select(p.id, p.key, a.c.name.label("a"), b.c.name.label("b"), b.c.country.label("b_country"),
                        p.relation, p.reference, p.conflicts)
                 .join(a, a.c.id == p.a_id).join(b, b.c.id == p.b_id)
                 .where(p.conflicts.is_not(None), p.review != "rejected").order_by(a.c.name, b.c.name, p.relation))
        out = []
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                for item in r.conflicts or []:
                    if settled or "resolution" not in item:
                        out.append({"id": r.id, "key": r.key, "a": r.a, "b": r.b, "b_country": r.b_country,
                                    "relation": r.relation, **item})
        return out

    def coverage(self) -> tuple[list[dict], int]:
        """Per list: its claims, how many of them text confirms (with or
        without a difference), and how many text ties no list holds."""
        c, p = t.reference_claims.c, t.partnerships.c
        pairs = {}
        with self.engine.connect() as conn:
            for r in conn.execute(select(p.a_id, p.b_id, p.n_mentions, p.reference).where(p.review != "rejected")):
                pairs.setdefault(frozenset((r.a_id, r.b_id)), []).append((r.n_mentions, r.reference))
            text_only = sum(1 for rows in pairs.values() for n, ref in rows if ref == "text_only")
            out = []
            for lst in conn.execute(select(t.reference_lists).order_by(t.reference_lists.c.name)):
                claims = list(conn.execute(select(c.a_id, c.b_id).where(c.list_name == lst.name)))
                seen = sum(1 for cl in claims if any(n for n, _ in pairs.get(frozenset((cl.a_id, cl.b_id)), [])))
                out.append({"list": lst.name, "claims": len(claims), "in_text": seen,
                            "share": round(seen / len(claims), 3) if claims else 0.0,
                            "problems": len(lst.problems or []), "imported_at": lst.imported_at})
        return out, text_only
