"""Two ties of one pair in one sentence: '…於2016年簽署友好城市協定，並於2023年
續簽合作備忘錄', 'signed a friendship agreement with Narita in 2016 and
renewed a cooperation memorandum in 2023'. A later clause that continues the
subject, names no one but the pair and states a tie of its own is a second
tie of the pair before it, with its own relation, event and date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.anniversaries import years_since
from extractors.dates import find_dates
from extractors.event_dates import clause_date, sharpest
from extractors.lexicon import RELATION_RANK, SAME_AGAIN, event_of, relations_in
from extractors.pair_wording import enumerated_item, item_relation, mostly_cjk
from models.records import DatePrecision, Event, EventDate, Relation

_CJK_LATER = re.compile(r"(?:[，,；;]|(?<=[てでりしがびみきちえめけせれね])、)\s*(?=(?:雙方|双方|兩市|两市|兩縣|两县|両市|両者)?(?:並|并|且|另|再|亦|也|還|还|後來|后来|隨後|随后|その後|また|這是|这是|此為|此为"
                        r"|今天|今日|昨天|昨日|日前|近日|今年|去年|同年|翌年|隔年|昨年|一昨年|今回|この度|このたび|先月|今月"
                        r"|(?:19|20)\d\d年|1[01]\d年|令和|平成"  # '…於2019年締結姊妹島，今天簽署觀光合作備忘錄', '，2016年續簽…'
                        r"|但|但是|惟|不過|不过))")  # '…於2012年締結友好城市，但…已於11月30日終止協定'
_EN_LATER = re.compile(r"(?i),?\s+and\s+(?:(?:later|then|subsequently|also)\s+|in\s+(?:19|20)\d\d,?\s+)?"
                       # ('…, and the two cities upgraded their ties in 2016': the pair again, as the subject)
                       r"(?:(?:the\s+two\s+(?:cities|sides|counties|towns|municipalities|governments)|both\s+(?:cities|sides)|they)"
                       r"\s+(?:(?:later|then|subsequently|also)\s+)?)?"
                       r"(?=(?:renewed|signed|upgraded|inked|concluded|extended|became|grew\s+into|evolved\s+into|"
                       r"turned\s+into|developed\s+into|was\s+(?:elevated|raised)\s+to)\b)"
                       r"|;\s*(?=(?:in\s+(?:19|20)\d\d,?\s+)?(?:it|they|the\s+two\s+\w+|both\s+\w+)\s)"
                       r"|,\s*(?=on\s+the\s+[\w-]+\s+anniversary\s+of\b)"  # '…, on the 10th anniversary of their ties'
                       # '… signed an MOU on Tuesday, further strengthening the sister city ties the two cities
                       # established in 1996': the older tie the signing builds on
                       r"|,\s+(?=(?:further\s+|thus\s+|thereby\s+)?(?:strengthening|deepening|cementing|reinforcing|"
                       r"building\s+on|expanding|adding\s+to|complementing|following\s+up\s+on)\s+(?:the|their|its)\s)"
                       # '… in 2012, but the town ended the agreement on November 30'
                       r"|,\s+but\s+(?=(?:[\w-]+\s+){0,3}?(?:ended|terminated|suspended|severed|scrapped|revoked|dissolved)\b)")


_BUILT_ON = re.compile(r"(?i)(?:further\s+|thus\s+|thereby\s+)?(?:strengthening|deepening|cementing|reinforcing|"
                       r"building\s+on|expanding|adding\s+to|complementing|following\s+up\s+on)\s+(?:the|their|its)\s")


# 'signed a sister city agreement in 2017 and a memorandum on smart cities in 2019':
# a second object of the same verb, dated apart, is a second tie.
_EN_SHARED_VERB = re.compile(r"(?i),?\s+and\s+(?=(?:a|an|another)\s+(?:[\w-]+\s+){0,5}?"
                             r"(?:memorand|MOU|agreement|accord|pact|charter)[^.;,]{0,60}?\b(?:in|on)\s+"
                             r"(?:(?:19|20)\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s))")


def later_ties(text: str, after: int, others: list[int]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each clause after ``after`` (where the
    pair is first named) that continues the sentence's subject and states a
    tie: a cue for the relation and for the event (or the verb before it
    shared), and no place (at the offsets ``others``) but the pair's own
    ('這是新北市繼2016年與神奈川縣締結…')."""
    cjk = mostly_cjk(text)
    cuts = [(m.end(), False) for m in (_CJK_LATER if cjk else _EN_LATER).finditer(text) if m.start() > after]
    cuts += [] if cjk else [(m.end(), True) for m in _EN_SHARED_VERB.finditer(text) if m.start() > after
                            and re.search(r"\b(?:19|20)\d\d\b", text[max(after, m.start() - 30):m.start()])]
    # ('…, building on their friendship city agreement of 2006': the older tie, made, needs no verb of its own)
    cuts = [(c, shared or bool(_BUILT_ON.match(text, c))) for c, shared in cuts]
    cuts.sort()
    bounds = [(s, e, shared) for (s, shared), e in zip(cuts, [*(c for c, _ in cuts[1:]), len(text)])]
    return [(s, e) for s, e, shared in bounds if (relations_in(text[s:e]) or _BACK_TO_TIE.search(text[s:e])
                                                  or _BARE_VERB.match(text, s))
            and (shared or event_of(text[s:e])[1]) and not any(s <= o < e for o in others)]


# '… was formalized in 2019 and renewed last week': the verb alone, its subject and object shared.
_BARE_VERB = re.compile(r"(?i)(?:renewed|upgraded|extended|terminated|suspended)\s+(?:last|this|in|on|at)\b")
# '; the two sides renewed them in 2023': a clause that names the tie only by a word pointing back.
_BACK_TO_TIE = re.compile(r"(?i)\b(?:them|it|the\s+(?:agreement|ties|tie|pact|relationship|accord|memorandum))\b"
                          r"|續約|续约|續簽|续签|再度簽署|再次簽署|更新し|更新さ|再締結|格上げ|升格|升級|升级")  # ('…結び、2023年には更新した')  # ('，今年雙方再度簽署續約書': the tie renewed)


def pair_item(text: str, sides: list, a, b, offset: int) -> tuple[int, int] | None:
    """The enumerated item (``enumerated_item``) that states the pair of
    ``a`` and ``b``, ``sides`` being the sentence's places at document
    offsets and ``offset`` where ``text`` starts. A clause naming the pair
    again ('埔里鎮與白川村簽訂友好交流協定，埔里鎮長…與白川村長…簽署協定書') is
    no other tie of a list: of the items holding both, the one with the
    strongest word for a tie states it (the first where they are equal)."""
    ids = {a.place.id, b.place.id}
    items: dict[tuple[int, int], set[str]] = {}
    for s in sides:
        if s.place.id in ids and (item := enumerated_item(text, s.start - offset)) is not None:
            items.setdefault(item, set()).add(s.place.id)
    both = [i for i, held in items.items() if held == ids and relations_in(text[slice(*i)])]
    if len(both) < 2:
        return enumerated_item(text, max(a.start, b.start) - offset)
    return min(both, key=lambda i: (min(RELATION_RANK[c[0]] for c in relations_in(text[slice(*i)])), i))


@dataclass(frozen=True, slots=True)
class ClauseTie:
    relation: Relation
    event: Event
    has_event_cue: bool
    date: EventDate | None


def clause_ties(text: str, later: list[tuple[int, int]], relation: Relation, published: dt.date | None,
                year_hint: int | None) -> list[ClauseTie]:
    """The tie of the clause before the ``later`` ones, then each of theirs;
    none where that first clause names no relation ('met in 2016, and signed
    an agreement in 2023' states one tie). A clause whose only cue is a bare
    締盟 takes the kind named before it (``relation`` for the first)."""
    head = text[:later[0][0]]
    if not relations_in(head):
        return []
    return _ties([head, *(text[s:e] for s, e in later)], relation, published, year_hint)


def aside_ties(text: str, asides: list[tuple[int, int]], relation: Relation, published: dt.date | None,
               year_hint: int | None) -> list[ClauseTie]:
    """'Yunlin and Kurume, which have been friendship cities since 2015,
    signed an MOU on Wednesday': the main clause's tie, then the tie an
    aside about the pair states (``asides`` in ``text``'s offsets); none
    where no aside names a tie or the main clause names none."""
    told = [(s, e) for s, e in asides if relations_in(text[s:e])]
    main = text
    for s, e in sorted(told, reverse=True):
        main = main[:s] + main[e:]
    if not told or not relations_in(main):
        return []
    return _ties([main, *(text[s:e] for s, e in told)], relation, published, year_hint)


# A later clause saying the tie before became another kind: an upgrade.
_GREW_INTO = re.compile(r"(?i)\s*(?:later\s+|then\s+|subsequently\s+)?(?:became|grew\s+into|evolved\s+into|turned\s+into|"
                        r"developed\s+into|was\s+(?:elevated|raised)\s+to)\b")


def _ties(clauses: list[str], relation: Relation, published: dt.date | None, year_hint: int | None
          ) -> list[ClauseTie]:
    """Each clause's tie: its kind (else the first clause's), event and date."""
    out: list[ClauseTie] = []
    for clause in clauses:
        # ('… and signed one with Taipei': the kind named before, again)
        cues = [c for c in relations_in(clause) if not re.fullmatch(SAME_AGAIN, clause[c[1]:c[2]], re.I)]
        event, found = event_of(clause)
        dates = find_dates(clause, published, year_hint)
        date = clause_date(" ".join(clauses[:len(out)]), clause, published, cues, year_hint) if cues else (
            sharpest(dates, dates[0]).date if dates else None)  # 'renewed them in 2023'
        if date is None and out and event is Event.RENEWED and out[0].date is not None \
                and out[0].date.precision is DatePrecision.DAY:
            date = out[0].date  # 'signed … on Thursday, on the 10th anniversary of the ties': that day
            # (a year only is the founding's: '2019年に…結んでおり、今回の訪問で協定の更新に合意')
        if date is None and out and event is Event.ESTABLISHED:
            # ('…知事今天率團訪問新北市，雙方並簽署防災合作備忘錄': signed on the day the clause before tells;
            # '…, 26 years after the two cities first became sister cities': counted back from it)
            days = [d.date for d in find_dates(clauses[len(out) - 1], published, year_hint)
                    if d.date.precision is DatePrecision.DAY]
            date = years_since(clause, days[-1].value if days else published) or (days[-1] if days else None)
        if out and event is Event.ESTABLISHED and _GREW_INTO.match(clause):
            event = Event.RENEWED  # ('began with a tourism memorandum in 2006 and became a friendship city agreement in 2018': an upgrade)
        before = out[0].relation if out else relation
        out.append(ClauseTie(item_relation(clause, cues, before) if cues else before, event, found, date))
    return out
