"""Which clause of a sentence speaks for a pair, where a sentence names
several ties: a tie described beside a signing with another place, a
clause opening the sentence with an earlier signing, a date written in
another clause than the pair's."""

from __future__ import annotations

import re

from extractors.event_dates import nearest_date
from extractors.lexicon import PAIR_ANAPHOR, SIGNED_PAST, event_of, relations_in
from extractors.pair_wording import DESCRIBING
from extractors.tie_kinds import relation_of
from models.records import Event, EventDate, Relation


def described_beside(text: str, offset: int, cues, pair, sides) -> bool:
    """Whether a side of the pair is named by the tie it is in ('visited the
    city's sister city Sendai') while the sentence's signing is with another
    place ('… and signed a memorandum … with Kumamoto City'): the signing's
    day is not the described tie's."""
    named = [s for s in pair if any(
        DESCRIBING.search(text, max(0, c[1] - 40), c[1]) and not text[c[2]:s.start - offset].strip()
        for c in cues if c[2] <= s.start - offset)]
    ids = {s.place.id for s in pair}
    return bool(named) and any(
        s.place.id not in ids and _WITH_BEFORE.search(text, max(0, s.start - offset - 40), s.start - offset)
        and SIGNED_PAST.search(text, named[0].end - offset, s.start - offset) for s in sides)


# 'After signing a friendship pact with Miyazaki Prefecture last year, Hsinchu County will sign …':
# a clause before the subject that tells of an earlier signing of that subject's.
_FRONTED = re.compile(r"(?i)\s*(?:after|since|following|having)\s+(?:signing|having\s+signed|signed|inking|forming|"
                      r"establishing|sealing|concluding)\b[^,;]{0,160},"
                      # '繼2016年與熊本縣締結友好交流後，彰化縣今天再與鎌倉市簽署…'
                      r"|\s*(?:繼|继)[^，。；,;]{0,40}?(?:締結|缔结|簽署|签署|簽訂|签订|結盟|结盟|締盟|缔盟|簽約|签约)"
                      r"[^，。；,;]{0,20}?(?:之)?(?:後|后)[，,]")


def fronted_tie(text: str, offset: int, pair, sides, published, year_hint: int | None
                ) -> tuple[Event, EventDate | None, Relation | None] | None:
    """(event, date, relation) of a pair as a sentence opening with an
    earlier signing tells it: the partner named in that clause's, the
    partners of the main clause the rest's."""
    m = _FRONTED.match(text)
    if m is None or not any(s.start - offset < m.end() for s in sides):
        return None  # ('Since signing … in 2010, Taipei and Seoul have …': the pair's own signing, no partner of its own)
    inside = [s.start - offset < m.end() for s in pair]
    if all(inside):
        return None  # (both in the clause: the sentence's own reading)
    clause = text[:m.end()] if any(inside) else text[m.end():]
    cues = relations_in(clause)
    event = Event.ESTABLISHED if any(inside) else event_of(clause)[0]
    return event, nearest_date(clause, published, cues, year_hint), relation_of(clause, cues, []) if cues else None


_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")


def other_clauses(item: tuple[int, int], at: int, first_side: int) -> bool:
    """Whether a date written at ``at`` belongs to another clause than the
    pair's ``item``: a later one ('... with Kanagawa, and a friendship
    agreement with Saitama in 2018'), or an earlier one when both sides are
    in the item ('since 1961, but Kaohsiung hopes to sign with San Antonio').
    English only: a Japanese '…を構築、2016年3月14日に…締結' dates the same tie."""
    return at >= item[1] or (0 <= at < item[0] <= first_side)


# ', and Taichung later signed agreements with Tottori': a clause with a subject and a verb of its own.
_OWN_SUBJECT_CLAUSE = re.compile(r",?\s+(?:and|while|but)\s+(?:(?:[A-Z][\w-]*\s+){1,3}|(?:[Tt]he\s+(?:city|county|town|"
                                 r"prefecture|state)|it|they)\s+)(?:later\s+|then\s+|subsequently\s+|also\s+)?"
                                 r"(?:signed|inked|formed|established|concluded|forged)\b")


def dated_before_own_clause(text: str, date, a, b, offset: int) -> bool:
    """Whether ``date`` (a record's) is written in a clause before the one
    that opens with a subject and verb of its own and names the pair's later
    side ('Aomori and Taichung signed … in 2017, and Taichung later signed
    agreements with Tottori': Tottori's tie is undated)."""
    later = max(a.start, b.start) - offset
    written = _written_at(text, date)
    return bool(written) and all(at < later and any(m.end() <= later and (m.group(0)[0] == "," or _PREDICATE.search(
        text, at, m.start())) for m in _OWN_SUBJECT_CLAUSE.finditer(text, at, later)) for at in written)


# Without a comma, 'and' opens a clause only after a predicate ('signed … in 2017 and Taichung later
# signed'); 'in 2015 former Taichung Mayor Lin and Governor Ishii signed' is one subject of two.
_PREDICATE = re.compile(r"(?i)\b(?:signed|inked|formed|established|concluded|forged|became|agreed|joined)\b")


def _written_at(text: str, date) -> list[int]:
    """Every place the words of ``date`` stand (a list's items may share a
    year: '… Brisbane, Australia (1997); … Surabaya, Indonesia (1997)'); a
    date belongs to another clause only where each of them does."""
    words = date.text or "\0"
    return [m.start() for m in re.finditer(re.escape(words), text)]


_CLAUSE_START = re.compile(r",\s+(?:and|while|but|whereas)\s+|;\s+")
_RELATIVE = re.compile(r",\s+(?:which|who)\s+")  # a relative clause speaks of the place right before it


def dated_in_anothers_clause(text: str, date, a, b, sides: list, offset: int) -> bool:
    """Whether ``date`` is written in a clause of the sentence that names
    other governments and neither of the pair's ('Taichung's friendship with
    Cleveland has seen no exchange, while Kaohsiung and Busan, sister cities
    since 1966, hold a festival': 1966 is Busan's)."""
    starts = [0, *(m.end() for m in _CLAUSE_START.finditer(text))]
    relatives = {m.end(): m.start() for m in _RELATIVE.finditer(text)}
    starts = sorted({*starts, *relatives})

    def anothers(at: int) -> bool:
        lo = max(s for s in starts if s <= at)
        hi = min((s for s in starts if s > at), default=len(text))
        inside = {s.place.id for s in sides if lo <= s.start - offset < hi}
        if not any(0 <= s.start - offset < len(text) for s in (a, b)) and PAIR_ANAPHOR.search(text, lo, hi):
            return False  # ('The two cities became sister cities in 1990, when the mayor visited California')
        # ('ties with Tainan, which were signed in 2012, and with Hsinchu City'; not '…, which it signed in
        # 2017 and 2019 respectively', which speaks of every place before it)
        if not inside and lo in relatives and "respectively" not in text[lo:hi]:
            before = [s for s in sides if s.end - offset <= relatives[lo]]
            inside = {max(before, key=lambda s: s.start).place.id} if before else set()
        return bool(inside) and not inside & {a.place.id, b.place.id}
    written = _written_at(text, date)
    return bool(written) and all(anothers(at) for at in written)


def not_the_pairs(lang: str, text: str, date, a, b, sides: list, offset: int) -> bool:
    """Whether an English sentence's ``date`` belongs to another clause than
    the pair's (``dated_before_own_clause``, ``dated_in_anothers_clause``)."""
    return date is not None and lang == "en" and (dated_before_own_clause(text, date, a, b, offset)
                                                  or dated_in_anothers_clause(text, date, a, b, sides, offset))

