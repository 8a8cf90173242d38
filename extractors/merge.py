"""Merge rules: every mention of a partnership into one canonical row.

One row per unordered pair of resolved places and relation. The date an
event happened is kept apart from the date it was reported: ``established``
is the earliest establishment date any source gives, ``first_reported`` the
earliest publication. The status follows the lifecycle: a termination later
than every establishment or renewal ends the tie; an establishment or renewal
makes it active; proposals alone leave it proposed. Near-copies of one story
count as one independent source, and confidence combines sources as
independent witnesses (noisy-or over the best mention of each).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from models.records import Event, Relation, Theme, founding_choice
from models.rows import PartnershipRow, StoredMention, partnership_key

_THEME_ORDER = {t.value: i for i, t in enumerate(Theme)}
_SPECIFIC = (Relation.SISTER.value, Relation.FRIENDSHIP.value, Relation.MOU.value)  # most specific first


def merge(mentions: Iterable[StoredMention]) -> list[PartnershipRow]:
    groups: dict[str, list[StoredMention]] = defaultdict(list)
    for m in _specific_within_documents(mentions):
        groups[partnership_key(m.a_id, m.b_id, m.relation)].append(m)
    return [_merge_group(key, group) for key, group in sorted(groups.items())]


def _specific_within_documents(mentions: Iterable[StoredMention]) -> list[StoredMention]:
    """Within one document, a generic 'agreement' (cooperation, other) of a
    pair that the same document also names as a sister city, friendship
    city or MOU is that tie: the headline "X and Y sign agreement" over a
    story about their friendship-city pact is one partnership, not two."""
    mentions = list(mentions)
    relations = specific_relations(mentions, lambda m: (m.document_id, frozenset((m.a_id, m.b_id))),
                                   lambda m: m.relation,
                                   lambda m: (m.event, m.event_date.year if m.event_date else None))
    return [m if r == m.relation else dataclasses.replace(m, relation=r) for m, r in zip(mentions, relations)]


def specific_relations(items: list, where, relation_of, when_of=None) -> list[str]:
    """The relation each item stands for: its own, or, for a generic one
    (cooperation, other), the most specific relation another item with the
    same ``where`` key names. Relations compare as their string values.
    With ``when_of`` (an item's event and year), a dated generic item goes
    to a relation with an item of its event and of its year or undated,
    where there is such: 'inked an agreement on Monday' on a page that also
    recalls sister cities since 1968 and names the MOU signed on Monday is
    that MOU."""
    named: dict = {}  # where -> relation -> (event, year) of its items
    for item in items:
        r = relation_of(item)
        if r in _SPECIFIC:
            named.setdefault(where(item), {}).setdefault(r, []).append(when_of(item) if when_of else (None, None))
    out = []
    for item in items:
        r = relation_of(item)
        options = named.get(where(item))
        if r in _SPECIFIC or not options:
            out.append(r)
            continue
        event, year = when_of(item) if when_of else (None, None)
        if year is not None:
            # (else a tie the pair holds: a dated agreement is no MOU of another year)
            options = {k: v for k, v in options.items() if any(e == event and y in (None, year) for e, y in v)} \
                or {k: v for k, v in options.items() if k in ("sister", "friendship")}
        out.append(min(options, key=_SPECIFIC.index) if options else r)
    return out


def _when(m: StoredMention) -> dt.date:
    return m.event_date or m.published or dt.date.min


def _merge_group(key: str, group: list[StoredMention]) -> PartnershipRow:
    group.sort(key=lambda m: m.id)
    first = group[0]
    a_id, b_id = _ordered(first.a_id, first.b_id)
    founding = [m for m in group if m.event == Event.ESTABLISHED and m.event_date]
    est = founding_choice(founding, lambda m: (m.event_date, m.date_precision or "year")) if founding else None
    status = _status(group)
    last = max(group, key=lambda m: (_when(m), m.id))
    published = [m.published for m in group if m.published]
    best_per_source: dict[int, float] = {}
    for m in group:
        best_per_source[m.cluster_id] = max(best_per_source.get(m.cluster_id, 0.0), m.confidence)
    doubt = 1.0
    for c in best_per_source.values():
        doubt *= 1.0 - c
    return PartnershipRow(
        key=key, a_id=a_id, b_id=b_id, relation=first.relation, status=status,
        established=est.event_date if est else None,
        established_precision=est.date_precision if est else None,
        last_event=last.event, last_event_date=last.event_date,
        first_reported=min(published, default=None), last_reported=max(published, default=None),
        themes=tuple(sorted({t for m in group for t in m.themes}, key=lambda t: _THEME_ORDER.get(t, 99))),
        n_mentions=len(group), n_documents=len({m.document_id for m in group}),
        n_sources=len(best_per_source), confidence=round(1.0 - doubt, 4),
        mention_ids=tuple(m.id for m in group),
    )


def _status(group: list[StoredMention]) -> str:
    live = [_when(m) for m in group if m.event in (Event.ESTABLISHED, Event.RENEWED)]
    ended = [_when(m) for m in group if m.event == Event.TERMINATED]
    if ended and (not live or max(ended) >= max(live)):
        return "terminated"
    if live:
        return "active"
    return "proposed"


def _ordered(a_id: str, b_id: str) -> tuple[str, str]:
    """Taiwan's side first; otherwise a stable order."""
    a_tw, b_tw = a_id.startswith("TW-"), b_id.startswith("TW-")
    if a_tw != b_tw:
        return (a_id, b_id) if a_tw else (b_id, a_id)
    return tuple(sorted((a_id, b_id)))  # type: ignore[return-value]
