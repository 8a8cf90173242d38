"""A tie that belongs to a third government: 'Prague signed with Taipei
after ending its tie with Beijing', "Long Beach's list of sister cities,
including Yokkaichi", 'Milpitas has ties with Dujiangyan … and with Hsinchu
City'. Two places of such a passage are not each other's partners."""

from __future__ import annotations

import re

from extractors.dates import find_dates

from extractors.lexicon import CLAUSE_MARK, event_of, relations_in
from extractors.apposed_ties import coordinated
from extractors.pair_structure import co_partners, list_chains
from extractors.places import PlaceSpan

# 'ending its tie with Beijing': the tie of the government the sentence began with.
_POSSESSED_TIE = re.compile(r"(?i)\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:ties?|relationship|relations|"
                            r"agreement|partnership|status)\s+with\s+$")


# "Long Beach's list of sister cities - including Yokkaichi, Japan; Qingdao, ...":
# every place listed after it is the possessor's partner.
_POSSESSED_LIST = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:sister|friendship|twin|partner)[\s-]+"
                             r"(?:cit(?:y|ies)|towns?|states?)\b[^.!?。]*$", re.I)


def someone_elses_tie(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """'Prague signed with Taipei after ending its tie with Beijing': 'its'
    is the government named first, so Beijing's partner is Prague, not Taipei;
    "Taoyuan could join Long Beach's list of sister cities, including
    Yokkaichi": Yokkaichi is Long Beach's partner."""
    foreign = b if b.place.country != "TW" else a
    local = a if foreign is b else b
    if not sides or frozenset((a.place.id, b.place.id)) in {frozenset((x.place.id, y.place.id))
                                                            for x, y in gapped_partners(text, sides)}:
        return False
    if on_someone_elses_list(text, a, b, sides) or objects_of_another(text, a, b, sides) \
            or follows_in_a_clause(text, a, b, sides) or beside_the_objects(text, a, b, sides) \
            or co_partners(text, a, b):
        return True
    if not _POSSESSED_TIE.search(text[max(0, foreign.start - 60):foreign.start]):
        return False
    first = min(sides, key=lambda s: s.start)
    return first.place.id not in (local.place.id, foreign.place.id)


# ', and Kinmen hopes to follow that example', '; Kinmen has none'
_NEXT_CLAUSE = re.compile(r"(?i),\s+(?:and|but|while|whereas)\s+|;\s+"
                          # ('Sendai is twinned with Tainan, Kumamoto with Kaohsiung, and …': a middle gapped clause)
                          r"|,\s+(?=(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+with\s+[A-Z]))")
_SUBJECT_OF = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:hopes?|has|have|had|is|was|will|would|plans?|wants?|wishes|seeks?|"
                         r"intends?|aims?|could|may|might|did|does)\b")
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:and|but|while|whereas)\s+")


def follows_in_a_clause(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """'Guam has been a sister island of Penghu since 2014, and Kinmen hopes
    to follow that example': a side in a later clause that states no tie of
    its own is not the partner of the place the clause before pairs with
    one of its kind."""
    first, later = sorted((a, b), key=lambda s: s.start)
    cuts = list(_NEXT_CLAUSE.finditer(text, first.end, later.start))
    if not cuts or not _SUBJECT_OF.match(text, later.end):
        return False  # (', and Suwon' ending a list of places is no clause of its own)
    end = _CLAUSE_END.search(text, later.end)
    clause = text[cuts[-1].end():end.start() if end else len(text)]
    if relations_in(clause) or re.search(r"(?i)\b(?:its|their)\s+(?:\w+\s+)?(?:partner|sister|twin)", clause):
        return False  # ('…, and Pingtung hopes to become its next partner': a tie of its own)
    return any(s.place.id not in (a.place.id, b.place.id) and s.start < cuts[-1].start()
               and (s.place.country == "TW") == (later.place.country == "TW") for s in sides)


_OBJECT_OF_WITH = re.compile(r"(?i)\bwith\s+(?:the\s+)?(?:(?:city|town|county|prefecture|state|province)\s+of\s+)?"
                             r"(?:[A-Z][\w'’-]*\s+){0,2}$")


def objects_of_another(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """'Milpitas maintains sister city relationships with Dujiangyan, China,
    and … with Hsinchu City': the places after 'with' are partners of the
    government the sentence began with, not of each other."""
    first = min((a, b), key=lambda s: s.start)
    subject = min(sides, key=lambda s: s.start)
    if subject.place.id in (a.place.id, b.place.id) or subject.end > first.start:
        return False
    chains = list_chains(text, sides)  # ('with Dujiangyan, China, and Huizhou': both objects)
    return any(chains.get(id(s)) == chains.get(id(first)) and s.start <= first.start
               and _OBJECT_OF_WITH.search(text, max(subject.end, s.start - 60), s.start) for s in sides)


def on_someone_elses_list(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """The foreign side of the pair is listed after a third government's
    'list of sister cities' (or 'X's sister cities include ...')."""
    foreign = b if b.place.country != "TW" else a
    listed = _POSSESSED_LIST.search(text, max(0, foreign.start - 200), foreign.start)
    if listed is None:
        return False
    owner = next((s for s in sides if s.end == listed.start()), None)
    return owner is not None and owner.place.id not in (a.place.id, b.place.id)


# 'a delegation to Taipei, its sister city since 1979, and to Chengdu, China,
# its sister city since 2014': an apposition that says whose partner a place is.
# ('Chia-Yi City, Taiwan, the sister-city it adopted eight years ago': the subject's by the pronoun)
_ITS_PARTNER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?,\s+(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:sister|friendship|friendly|twin|partner)\b|the\s+(?:sister|friendship|twin|partner)[\s-]+"
                          r"(?:city|county|state|town)\s+(?:(?:that|which)\s+)?(?:it|they)\b)[^,;.]*")


# 'Overland Park has two sister cities: Gunma's Tatebayashi, Japan, since 2019,
# and Hsinchu City, Taiwan, since 2011': the subject's partners, listed.
# ('Phoenix has a total of 11 sister cities —', 'is fortunate to have five Sister City relationships:')
_HAS_PARTNERS = re.compile(r"(?i)\b(?:has|have|maintains?)\s+(?:[\w-]+\s+){0,4}?(?:sister|friendship|twin|partner)[\s-]+"
                           r"(?:(?:city|cities|county|state)\s+)?(?:cit(?:y|ies)|towns?|count(?:y|ies)|states?|prefectures?|"
                           r"provinces?|relationships?|ties|partnerships?)\s*"
                           r"(?::|—|–|,?\s+(?:including|namely|(?:which|that)\s+include)\b)"  # (', which include New Taipei City')
                           # ('…, while its friendship cities include Aomori Prefecture and Gifu Prefecture')
                           r"|\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:sister|friendship|twin|partner)[\s-]+(?:cit(?:y|ies)|towns?|"
                           r"count(?:y|ies)|states?|prefectures?|provinces?)\s+(?:include|includes|are)\b"
                           # '新北市與日本多個城市締結友好關係，包括神奈川縣、千葉縣及茨城縣'
                           r"|(?:締結|缔结|建立|擁有|拥有|有)[^，。；;]{0,12}?(?:姊妹|姐妹|友好|夥伴|伙伴)[^，。；;]{0,6}?"
                           r"[，,：:]\s*(?:包括|包含|例如|分別為|分别为|分別是|分别是)")


# "Suwon's sister and friendship cities: Asahikawa, Japan (1989, sister); …": the list its possessor owns.
_OWN_LIST = re.compile(r"(?i)(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:sister|friendship|twin|partner)[\s-]+"
                             r"(?:cities|towns|counties|states|prefectures|provinces)\s*(?::|—|–"
                             r"|\s+(?:are|include)\s+(?:as\s+follows|(?:listed|shown)\s+below|the\s+following)\s*[.:：])")


def listed_date(text: str, sides: list[PlaceSpan], date, published):
    """The date of a tie with a partner the subject's list names: one in the
    clause that lists them ('新北市去年與…締結友好關係，包括…'), else the date
    found for it unless that stands before the list, in another clause
    ('侯友宜今天接見…，表示新北市與…締結友好關係，包括…': the meeting's day)."""
    m = _HAS_PARTNERS.search(text, sides[0].end, sides[-1].start) if sides else None
    if m is None:
        return date
    start = max(max(text.rfind(c, 0, m.start()) for c in "，,;；。.\n") + 1, sides[0].start - 40)
    found = find_dates(text[start:m.end()], published)
    if found:
        return found[0].date
    at = text.find(date.text, sides[0].start) if date is not None and date.text else -1
    return None if 0 <= at < m.end() else date


def partners_of_subject(text: str, sides: list[PlaceSpan]) -> dict[str, tuple[int, int] | None]:
    """Place id -> (start, end) of the apposition that calls it a partner of
    the sentence's subject, the first government the sentence names (None
    for a place of a list of the subject's partners); such a place pairs
    with the subject only."""
    out: dict[str, tuple[int, int] | None] = {}
    if not sides:
        return out
    listed = _subjects_own(_HAS_PARTNERS.search(text, sides[0].end, sides[-1].start), sides) or \
        _OWN_LIST.match(text, sides[0].end)
    # ('the county has sister ties with Koror State (since 2008) and Ishigaki (since 2013), and friendship
    # ties with Guam': every partner after it, of the other side of the strait)
    tied = _subjects_own(_HAS_TIES_WITH.search(text, sides[0].end, sides[-1].start), sides) if listed is None else None
    for side in sides[1:]:
        if side.place.id == sides[0].place.id:
            continue
        if m := _ITS_PARTNER.match(text, side.end):
            out.setdefault(side.place.id, (m.start(), m.end()))
        elif listed is not None and side.start >= listed.end():
            out.setdefault(side.place.id, None)
        elif tied is not None and side.start >= tied.end() and (side.place.country == "TW") != (
                sides[0].place.country == "TW"):
            out.setdefault(side.place.id, None)
    return out


def _subjects_own(m: re.Match | None, sides: list[PlaceSpan]) -> re.Match | None:
    """The words of having partners, where they are the first side's: not
    where another government of its kind is named between ('Taichung signed
    … with Fukuoka, while Tainan has had a friendship city relationship with
    Sendai': Tainan's)."""
    first = sides[0]
    if m is None or any(first.end <= s.start < m.start() and s.place.id != first.place.id
                        and (s.place.country == "TW") == (first.place.country == "TW") for s in sides):
        return None
    return m


_HAS_TIES_WITH = re.compile(r"(?i)\b(?:has|have|maintains?)\s+(?:[\w-]+\s+){0,3}?(?:sister|friendship|twin)[\s-]+"
                            r"(?:(?:city|county|state|province)\s+)?(?:ties|relationships?|relations|partnerships?)\s+with\b")


# 'Prague cut ties with Beijing in 2019 and signed a sister-city agreement with
# Taipei in 2020': one subject, a predicate per partner, each partner after 'with'.
_TIE_VERBS = r"(?:signed|inked|formed|forged|established|renewed|concluded|sealed|ended|terminated|cut|severed|dropped|scrapped)\b"
# ('The Gilroy City Council voted on Monday to end its sister city relationship with Ningbo, China,
# and to pursue a new relationship with Taitung County': a decision per partner)
_TO_TIE = r"to\s+(?:sign|form|forge|establish|renew|end|terminate|cut|sever|suspend|scrap|drop|cancel|pursue|seek|explore)\b"
_FIRST_PREDICATE = re.compile(rf"(?i)\s*(?:City\s+|County\s+|Government\s+)?(?:has\s+|had\s+|also\s+|formally\s+|"
                              rf"officially\s+)?{_TIE_VERBS}|\s*(?:['’]s\s+)?(?:City\s+|County\s+)?(?:Council\s+|Board\s+)?"
                              rf"(?:voted|agreed|decided|resolved)\b[^,;.]{{0,40}}?\b{_TO_TIE}")  # ("Prague's city council voted")
_NEXT_PREDICATE = re.compile(rf"(?i),?\s+and\s+(?:then\s+|also\s+|(?:[\w-]+\s+){{0,2}}later\s+)?(?={_TIE_VERBS}|{_TO_TIE})")
_WITH_BEFORE = re.compile(r"(?i)\bwith\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?$")
_OBJECT_OF = re.compile(rf"(?i)\s*(?:City\s+|County\s+)?(?:has\s+|had\s+)?(?:dropped|scrapped)\s+(?:the\s+)?")


def coordinated_partners(text: str, sides: list[PlaceSpan]) -> dict[str, tuple[int, int] | None]:
    """Place id -> (start, end) of its own predicate, where the sentence's
    first government does two things joined by 'and' to partners named
    after 'with', or (Chinese) has a clause per partner, each after its own
    與 (in the form of ``partners_of_subject``)."""
    if len(sides) >= 3 and "\u4e00" <= sides[0].text[:1] <= "\u9fff":
        return _chained(text, sides)
    if len(sides) < 3 or not _FIRST_PREDICATE.match(text, sides[0].end):
        return {}
    end = max(s.end for s in sides)
    cuts = [sides[0].end, *(m.start() for m in _NEXT_PREDICATE.finditer(text, sides[0].end, end)), end + 40]
    if len(cuts) < 3:
        return {}
    out: dict[str, tuple[int, int] | None] = {}
    for x, y in zip(cuts, cuts[1:]):
        for side in sides[1:]:
            if x <= side.start < y and side.place.id != sides[0].place.id \
                    and (_WITH_BEFORE.search(text, max(x, side.start - 60), side.start)
                         or _OBJECT_OF.fullmatch(text, x, side.start)):  # ('dropped Beijing as a sister city')
                out.setdefault(side.place.id, (x, min(y, len(text))))
    return out if len({v for v in out.values()}) >= 2 else {}


# '金沙鎮於民國六十三年與…東港鎮締結姊妹鎮，在民國九十三年與…崙背鄉締結姊妹鎮，今年和…褒忠鄉締結':
# one subject, a clause per partner, each partner after its own 與.
_JOINED_BEFORE = re.compile(r"[與与和跟同][^，,。；;、與与和]{0,8}$")


def _chained(text: str, sides: list[PlaceSpan]) -> dict[str, tuple[int, int] | None]:
    subject, out = sides[0], {}
    if _JOINED_BEFORE.search(text, max(0, subject.start - 10), subject.start):
        return {}
    for side in sides[1:]:
        if side.place.id == subject.place.id:
            continue
        if not _JOINED_BEFORE.search(text, max(subject.end, side.start - 10), side.start):
            return {}  # a place not joined to the subject: not a chain
        marks = [m.end() for m in CLAUSE_MARK.finditer(text, subject.end, side.start)]
        after = CLAUSE_MARK.search(text, side.end)
        clause = (marks[-1] if marks else subject.end, after.start() if after else len(text))
        if not (relations_in(text[clause[0]:clause[1]]) or event_of(text[clause[0]:clause[1]])[1]):
            return {}
        out.setdefault(side.place.id, clause)
    return out if len(set(out.values())) >= 2 else {}


# 'where Taichung signed a friendship agreement with Kumamoto Prefecture':
# a government written right before the verb of signing, and the partner after
# its 'with'.
_SIGNED_WITH = re.compile(r"(?i)\s*(?:City\s+|County\s+)?(?:also\s+|then\s+|has\s+|have\s+|had\s+|formally\s+|officially\s+)?"
                          r"(?:signed|inked|concluded|established|formed|forged)\b[^,;.]{0,80}?\bwith\s+"
                          r"(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?$")


def signed_with(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """(signer, partner) where a sentence says outright which government
    signed with which: the other governments it names (mayors at a summit)
    are not that partner's."""
    out = []
    for b in sides:
        for a in sides:
            if a.end >= b.start or (a.place.country == "TW") == (b.place.country == "TW"):
                continue
            m = _SIGNED_WITH.match(text, a.end, b.start)
            if m is not None:
                out.append((a, b) if a.place.country == "TW" else (b, a))
    return out


def signers_own(pairs: list[tuple[PlaceSpan, PlaceSpan]], text: str, sides: list[PlaceSpan]
                ) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """The pairs that agree with whoever the sentence says signed with whom
    ('where Taichung signed … with Kumamoto': the mayors named beside
    Taichung are not Kumamoto's partners; 'Kagoshima signed … with Kaohsiung
    and Hualien': both are)."""
    signer: dict[str, set[str]] = {}
    for a, b in signed_with(text, sides):
        signer.setdefault(b.place.id, set()).add(a.place.id)
    kept = [(a, b) for a, b in pairs if a.place.id in signer.get(b.place.id, {a.place.id})
            and b.place.id in signer.get(a.place.id, {b.place.id})]
    # ('met Massachusetts Governor Maura Healey and signed a memorandum … with the state': the state
    # named before is the partner, not the city the meeting was in)
    if (m := _WITH_THE_UNIT.search(text)) is not None and (named := [
            s for s in sides if s.end <= m.start() and s.place.level.value == m.group(1).lower()]):
        meant = {s.place.id for s in named[-1:]}
        kept = [(a, b) for a, b in kept if {a.place.id, b.place.id} & meant] or kept
    return kept


_WITH_THE_UNIT = re.compile(r"\bwith\s+the\s+(state|county|prefecture|province)\b(?!\s+of\b|\s+government\s+of\b)")


def organisations_tie(a: PlaceSpan, b: PlaceSpan, orgs: list[PlaceSpan]) -> bool:
    """'The Kaohsiung Chamber of Commerce and the Osaka Chamber of Commerce
    signed … to promote trade between Kaohsiung and Osaka': bodies named
    after both places, written before both, are the parties; the places
    are what the bodies' tie is for."""
    first = min(a.start, b.start)
    before = {o.place.id for o in orgs if o.end <= first and o.place is not None}
    return a.place.id in before and b.place.id in before


# "…, while Kaohsiung's include Busan and Miami", '; Taichung with Kumamoto': a
# later clause whose verb is left out after its subject (gapping) repeats the
# first clause's predicate for a new subject.
_GAPPED = re.compile(r"(?:'s|’s)\s+(?:include|includes|are|is)\b|\s+(?:with|to)\s+(?=[A-Z])")
_CLAUSE_STOP = re.compile(r"[.;!?]|,\s+(?:and|but|while|whereas)\s+")


# ', and the city hopes to sign an agreement with Okayama next year', ', but the sister city agreement
# with Winnipeg remains': a later clause whose subject points back to the government the sentence began with.
_BACK_SUBJECT = re.compile(r"(?i),\s+(?:and|while|but)\s+(?:(?:the\s+(?:city|county|town|township|municipality|"
                           r"prefecture|state)(?!\s+of\b)|it|he|she)\s+[^,;.]{0,60}?"  # (not ', and the city of Hakodate …')
                           r"|the\s+(?:[\w-]+\s+){0,3}?(?:agreement|ties|relationship|partnership)\s+)\bwith\s+(?:the\s+)?"
                           # ('Kagoshima signed … with Kaohsiung and hopes to establish similar ties with Taipei', '… ditched … and signed one with')
                           r"|\s+and\s+(?:also\s+|then\s+)?(?:(?:hopes?|plans?|wants?|intends?|aims?|seeks?|wishes)\s+to\s+"
                           r"|(?:signed|inked|formed|forged|established)\s+)[^,;.]{0,60}?\bwith\s+(?:the\s+)?")


def gapped_partners(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """(subject, partner) of each such later clause of the sentence, and
    of each later clause that refers back to the sentence's first place."""
    first = min(sides, key=lambda s: s.start, default=None)
    out = [(first, s) for m in _BACK_SUBJECT.finditer(text, first.end) for s in sides
           if s.start == m.end() and (s.place.country == "TW") != (first.place.country == "TW")
           and not any(m.start() <= o.start < s.start for o in sides)] if first else []  # (a subject of its own)
    for cut in _NEXT_CLAUSE.finditer(text, min((s.start for s in sides), default=0)):
        subject = next((s for s in sides if s.start == cut.end()), None)
        if subject is None or not _GAPPED.match(text, subject.end) \
                or not any(s.end <= cut.start() and (s.place.country == "TW") == (subject.place.country == "TW")
                           for s in sides):
            continue  # (a clause with a verb of its own, or no earlier subject of its kind)
        stop = _CLAUSE_STOP.search(text, subject.end)
        out += [(subject, s) for s in sides if subject.end < s.start < (stop.start() if stop else len(text))
                and (s.place.country == "TW") != (subject.place.country == "TW")]
    return out


# 'a city that signed a partnership agreement with Taipei', "the island's sister ties with Taipei and Taoyuan"
_TIE_NOUN_WITH = re.compile(r"(?i)\b(?:agreements?|pacts?|accords?|memorand(?:um|ums|a)|MOUs?|ties|relationships?|"
                            r"partnerships?)\s+with\s+(?:the\s+)?")


def beside_the_objects(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """'The mayor of Fukuoka, a city that signed an agreement with Taipei,
    visited Kaohsiung', 'Speaking in Kaohsiung, the governor said the
    island's sister ties with Taipei and Taoyuan …': where the tie's 'with'
    names the Taiwanese partners, another Taiwanese government the sentence
    names (a visit's goal, a venue) is none."""
    objects: set[str] = set()
    for m in _TIE_NOUN_WITH.finditer(text, min((s.start for s in sides), default=0)):
        first = next((s for s in sides if s.start == m.end()), None)
        objects |= {s.place.id for s in coordinated(text, sides, first, 1)}
    local = a if a.place.country == "TW" else b
    return local.place.country == "TW" and local.place.id not in objects and any(
        s.place.id in objects and s.place.country == "TW" for s in sides)


# '宮崎縣去年也與台中市簽署觀光交流備忘錄', 'Miyazaki also signed an MOU with Taichung': a
# sentence naming its own Taiwanese side 'also' tells of another tie than the one before it,
# and lends no earlier Taiwanese side a place in it.
_ALSO = re.compile(r"(?i)\balso\b|也|亦|とも(?!に)")  # (not ともに, "together")


def tells_another_tie(text: str, local: list[PlaceSpan]) -> bool:
    return bool(local) and _ALSO.search(text) is not None
