"""Partners named by apposition: 'Kaohsiung, the sister city of Miami',
"Kumamoto, Taichung's sister city", 'Sendai and Kumamoto, sister cities of
Tainan and Taichung', and "Taitung's sister city Oyama": the apposition
pairs its own places, whatever else the sentence names."""

from __future__ import annotations

import re

from extractors.lexicon import event_of
from extractors.places import PlaceSpan
from models.records import Event

# 'visited Kaohsiung, the sister city of Miami': the apposition names the partner.
_PARTNER_OF = re.compile(r",\s+(?:the|a)\s+(?:sister|friendship|twin)[\s-]+(?:city|county|state|town)\s+of\s+(?:the\s+)?")


# 'met representatives of Kumamoto, Taichung's sister city': the possessor is the partner.
_POSSESSOR_PARTNER = re.compile(r"\s*(?:'s|’s)\s+(?:[\w-]+\s+)?(?:sister|friendship|twin)[\s-]+(?:city|county|state|town|"
                                r"prefecture)\b")


def possessed_partner(text: str, a: PlaceSpan, b: PlaceSpan) -> bool:
    """'Taitung's sister city Oyama': the pair named only as one side's
    partner, a tie that stands, which the sentence's date is not about."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    m = _POSSESSOR_PARTNER.match(text, lo.end)
    return m is not None and m.end() < hi.start and not text[m.end():hi.start].strip()


def apposed_partners(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """(X, Y) for each 'X, the sister city of Y' or 'X, Y's sister city' in
    the sentence: X's partner is Y, not the other governments the sentence
    names."""
    out = []
    for x in sides:
        joined = next((s for s in sides if s.start > x.end and _AND.fullmatch(text, x.end, s.start)), None)
        if joined is not None and joined.place.id != x.place.id and _EACH_OTHERS.match(text, joined.end):
            # 'Seattle and Kobe, sister cities since 1957, …': each other's partners, whoever else the sentence names
            out.append((joined, x) if joined.place.country == "TW" else (x, joined))
            continue
        if (m := _PARTNER_OF.match(text, x.end)) is not None:
            y = next((s for s in sides if s.start == m.end()), None)
        else:
            y = next((s for s in sides if s.start > x.end and re.fullmatch(r",\s+(?:the\s+)?", text[x.end:s.start])
                      and _POSSESSOR_PARTNER.match(text, s.end)), None)
        if y is not None and y.place.id != x.place.id:
            out.append((x, y))
        elif (m := _PARTNERS_OF.match(text, x.end)) is not None:
            # 'Sendai and Kumamoto, sister cities of Tainan and Taichung': item by item
            owned, partners = coordinated(text, sides, x, -1), coordinated(text, sides, next(
                (s for s in sides if s.start == m.end()), None), 1)
            if len(owned) == len(partners) > 1:
                out.extend(zip(owned, partners))
            elif len(partners) == 1 and len(owned) > 1:  # ('Sendai and Kanazawa, both sister cities of Tainan')
                out.extend((x, partners[0]) for x in owned)
    # "Tokyo's sister state agreement with New South Wales": the possessor's tie with the place after 'with'
    for x in sides:
        y = next((s for s in sides if s.start > x.end and _OWN_TIE_WITH.fullmatch(text, x.end, s.start)), None)
        if y is not None and y.place.id != x.place.id and not any({x.place.id, y.place.id} == {
                p.place.id for p in pair} for pair in out):
            out.append((x, y))
    out += [p for p in possessed_cjk(text, sides) if not any(
        {p[0].place.id, p[1].place.id} == {q[0].place.id, q[1].place.id} for q in out)]
    return out + [p for p in successor_partners(text, sides) if not any(
        {p[0].place.id, p[1].place.id} == {q[0].place.id, q[1].place.id} for q in out)]


def its_ties_with(text: str, sides: list[PlaceSpan], pairs: list) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """``pairs`` and, for "Tainan signed with Sendai in 2006, while the
    city's ties with Kumamoto date to 2015", the partner after 'the city's
    ties with' with the sentence's subject, where that is of the other kind.
    Not a tie told as cut ('… after the city's ties with Beijing were cut':
    the partner's own former tie)."""
    out = list(pairs)
    ordered = sorted(sides, key=lambda s: s.start)
    for y in sides:
        m = _ITS_TIE_WITH.search(text, max(0, y.start - 80), y.start)
        x = ordered[0] if m and ordered[0].end <= m.start() else None
        if x is None or (x.place.country == "TW") == (y.place.country == "TW") \
                or event_of(clause := text[m.start():_clause_end(text, y.end)])[0] is Event.TERMINATED \
                or _CUT.search(clause) or _CUT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if not any({x.place.id, y.place.id} == {a.place.id, b.place.id} for a, b in out):
            out.append((x, y) if x.place.country == "TW" else (y, x))
    return out


_CUT = re.compile(r"(?i)\b(?:cut|severed|ended|terminated|scrapped|dissolved|broken|suspended|frozen)\b")
# 'voted to end its sister city relationship with Lhasa': its tie, being cut.
_CUT_BEFORE = re.compile(r"(?i)\b(?:end|ends|ended|ending|cut|cuts|sever\w*|terminat\w*|suspend\w*|scrap\w*|"
                         r"dissolv\w*|break|breaks|broke|freez\w*|froze)\s+$")


_CLAUSE_END = re.compile(r"[.;。；!?]|,\s+(?:and|but|while)\s")


def _clause_end(text: str, at: int) -> int:
    m = _CLAUSE_END.search(text, at)
    return m.start() if m else len(text)


# '休士頓是美國第四大城，也是台北市的姊妹市': X is Y's sister city.
_CJK_IS = re.compile(r"[市縣县町村州]?\s*(?:[^。；;，,]{0,16}[，,、]\s*)?(?:也|亦|更|同時|同时|還|还)?(?:是|為|为|乃)\s*")
_CJK_OWN_TIE = re.compile(r"[市縣县町村州]?\s*(?:的|之)\s*(?:姊妹|姐妹|友好|友誼|友谊)")


def possessed_cjk(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """(Y, X) for each '…X是…Y的姊妹市': X's partner is Y, not the other governments the sentence names."""
    ordered = sorted(sides, key=lambda s: s.start)
    return [(y, x) if y.place.country == "TW" else (x, y) for x, y in zip(ordered, ordered[1:])
            if (x.place.country == "TW") != (y.place.country == "TW")
            and _CJK_IS.fullmatch(text, x.end, y.start) and _CJK_OWN_TIE.match(text, y.end)]


# '鎌倉市是繼2016年的熊本縣後，彰化縣第二個締結友好交流的日本城市': X, after Y, is Z's Nth partner.
_AFTER_OPENS = re.compile(r"[市縣县町村]?\s*(?:是|為|为|乃|成為|成为)?\s*(?:繼|继)[^，。,]{0,12}")
_AFTER_CLOSES = re.compile(r"[^，。,]{0,4}?(?:之)?(?:後|后)[，,、]?\s*")
_NTH = re.compile(r"[^，。,]{0,3}?第\s*[二三四五六七八九十\d]{1,3}\s*[個个]")


def successor_partners(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """(Z, X) and (Z, Y) for 'X是繼Y後，Z第N個…': both are Z's partners."""
    ordered = sorted(sides, key=lambda s: s.start)
    for x, y, z in zip(ordered, ordered[1:], ordered[2:]):
        if (z.place.country == "TW") != (x.place.country == "TW") == (y.place.country == "TW") \
                and _AFTER_OPENS.fullmatch(text, x.end, y.start) and _AFTER_CLOSES.fullmatch(text, y.end, z.start) \
                and _NTH.match(text, z.end):
            return [(z, x), (z, y)]
    return []


_OWN_TIE_WITH = re.compile(r"\s*(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:sister|friendship|twin)[\s-]+"
                           r"(?:(?:city|cities|state|states|county|province|prefecture)[\s-]+)?"
                           r"(?:agreement|relationship|ties|tie|partnership|pact|accord)\s+with\s+(?:the\s+)?")
_AND = re.compile(r"\s+and\s+")
_ITS_TIE_WITH = re.compile(r"(?i)(?:\bthe\s+(?:city|county|town|township|prefecture|state|municipality|island)['’]s|\bits)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:ties?|relationship|partnership|agreement|friendship|relations)\s+"
                           r"with\s+(?:the\s+)?(?:(?:city|town|county|prefecture)\s+of\s+)?$")
_EACH_OTHERS = re.compile(r",\s+(?:both\s+)?(?:(?:sister|friendship|twin)[\s-]+(?:cities|counties|states|towns|prefectures)"
                          r"|partner\s+cities)\b(?!\s+of\b)")
_PARTNERS_OF = re.compile(r",\s+(?:both\s+|all\s+)?(?:the\s+)?(?:respective\s+)?(?:sister|friendship|twin)[\s-]+"
                          r"(?:cities|counties|states|towns)\s+of\s+(?:the\s+)?")
_COORDINATED = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def coordinated(text: str, sides: list[PlaceSpan], first: PlaceSpan | None, step: int) -> list[PlaceSpan]:
    """``first`` and the places coordinated with it, going back (step -1) or on (1), in text order."""
    if first is None:
        return []
    ordered = sorted(sides, key=lambda s: s.start)
    group, k = [first], ordered.index(first)
    while 0 <= k + step < len(ordered):
        a, b = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
        if not _COORDINATED.fullmatch(text[a.end:b.start]):
            break
        k += step
        group.append(ordered[k])
    return sorted(group, key=lambda s: s.start)
