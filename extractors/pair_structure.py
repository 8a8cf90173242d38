"""How a sentence puts places together, read from its structure: lists ('Penang, Manila,
Houston and Helsinki'), explicit partners ('between A and B', "A's sister city B", 'A與B'),
a third government between two places, someone else's tie ('its tie with Beijing'); a larger
unit that only locates a smaller one is ``locators.py``'s. Plain functions over ``PlaceSpan``
records; the partnership component uses them to choose pairs and as features for the pair
scorer."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.lexicon import CLAUSE_MARK, event_of, relations_in
from extractors.place_cues import tie_object
from extractors.places import PlaceSpan


def span_root(doc: Doc, span: PlaceSpan):
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chars.root if chars is not None else None


# Between two list members: perhaps where the first is ('in Japan', ', Canada') and since when (' (1983)'), then a separator.
_LIST_GAP = re.compile(r"^(?:\s+(?:City|Town|County|Village|Municipality))?(?:\s+of\s+(?:the\s+)?[A-Z][\w’' -]*?)?"
                       r"(?:\s+(?:Governor|Gov\.|Mayor|Magistrate)(?:\s+[A-Z][\w-]*){1,3})?"  # ('Shimane Prefecture Governor Zenbe Ryoji and')
                       r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.’' -]*?|\s*\([^)]*\)|(?:,\s*(?:the\s+)?[A-Z][\w.’' -]*?){1,2}(?:\s*\([^)]*\))?)?"
                       r"(?:,?\s*(?:since\s+|from\s+|in\s+)?\(?(?:signed\s+|established\s+)?\d{4}\)?)?"  # ('Idaho, USA (signed 1988)')
                       r"\s*(?:[,;|｜•·]\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?"  # (a menu: "Okayama | Dublin")
                       r"(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}(?:'s|’s|s'|s’)\s+)?$")  # "and the Northern Mariana Islands' "
# '喬治市、菲律賓馬尼拉市': a list separator, perhaps with the next member's country or prefecture before
# it, and a reading in brackets and the unit before it ('泰安(たいあん)市、台湾・高雄').
_CJK_LIST_GAP = re.compile(r"^\s*(?:[(（][^)）]{0,12}[)）])?[市町村県縣区區郷鄉鎮]?\s*(?:[、，,及和與跟或]|以及)\s*"
                           r"[\u4e00-\u9fff・0-9]{0,12}\s*$")  # ('青森縣、2018年的熊本縣': an item's own date before it)
_WITH = re.compile(r"\s*(?:與|跟|同|与)")


def list_chains(text: str, sides: list[PlaceSpan]) -> dict[int, int]:
    """Places written as one list ('Penang, Manila, Houston and Helsinki'):
    maps id(span) to the index of its list."""
    chain, out = 0, {}
    for i, side in enumerate(sides):
        gap = text[sides[i - 1].end:side.start] if i else ""
        # '嘉義市與日本石川縣金澤市、富山縣射水市': 與 after a Taiwanese side names its partners; between a
        # foreign side and a Taiwanese one it joins a pair ('包括艾拉伊州與台南市、梅萊凱奧克州與宜蘭縣').
        partners = i and (sides[i - 1].place.country == "TW") != (side.place.country == "TW") and _WITH.match(gap)
        # (', Georgia signed a memorandum … energy, ': a clause that signs or names a tie is no list's gap)
        bare = re.sub(r"\([^)]*\)", "", gap)  # (an item's own note in brackets: '(friendship city, signed 2006)')
        if i and (partners or not (_LIST_GAP.match(gap) or _CJK_LIST_GAP.match(gap)) or (
                len(bare) > 30 and (event_of(bare)[1] or relations_in(bare)))):
            chain += 1
        out[id(side)] = chain
    return out


def listed_together(doc: Doc, a: PlaceSpan, b: PlaceSpan, chains: dict[int, int]) -> bool:
    """Members of one list of three or more ('Liuzhou in China, Nancy in France, Munich in
    Germany') are partners of someone else; two coordinated places ('Kaohsiung and Cebu signed') are partners."""
    if id(a) in chains and chains.get(id(a)) == chains.get(id(b)):
        return sum(1 for c in chains.values() if c == chains[id(a)]) >= 3
    ra, rb = span_root(doc, a), span_root(doc, b)
    if ra is None or rb is None or ra == rb:
        return False
    # ('BETWEEN THE COUNTY OF MAUI AND PINGTUNG COUNTY, TAIWAN': a country locating the last is no third member)
    group = {ra, *ra.conjuncts} - {span_root(doc, s) for s in doc._.places or () if s.kind == "country"}
    return rb in group and len(group) >= 3


def third_party_between(a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan], chains: dict[int, int],
                        asides: list[tuple[int, int]] = (), text: str = "") -> bool:
    """'Shanghai cut ties with Prague after it signed with Taipei': a
    foreign government standing between the two, and not in a list with
    either of them ('Reno has nine sisters: Yellowknife, Canada; ...;
    Taichung, Taiwan'), is the one the nearer clause is about. One inside
    an aside that holds neither side (``relative_asides``) is not, nor one
    joined to the foreign side as a second party ('松江市と熊本市が高雄市と…')."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    foreign = b if b.place.country != "TW" else a
    listed_with = {chains.get(id(a)), chains.get(id(b))}
    def set_apart(s: PlaceSpan) -> bool:
        return any(x <= s.start and s.end <= y and not any(x <= t.start < y for t in (a, b)) for x, y in asides) \
            or (foreign is lo and _CO_PARTY.fullmatch(text, foreign.end, s.start) is not None)

    return any(lo.end <= s.start and s.end <= hi.start and s.place.country != "TW"
               and s.place.id != foreign.place.id and chains.get(id(s)) not in listed_with and not set_apart(s)
               for s in sides)


_CO_PARTY = re.compile(r"\s*(?:と|・|、|及び?|與|与|和|&|,?\s*and)\s*")

# '台中市與青森縣簽署…，並與岡山縣簽署…', 'a sister city of Warsaw in 1995 and of Vilnius in 2019': a later clause
# that drops its subject and names only a partner (perhaps after its country: '並與日本岡山縣') keeps the
# sentence's Taiwanese government.
_CONTINUED = re.compile(r"(?:(?:(?:並|并|且|另|也|亦|還|还|再)(?:新增|增加|陸續|陆续|另外)?|、\s*(?:\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?"
                        r"|[，,；;]\s*\d{1,2}日(?:[在於于][^\s、，,。與与和]{1,10}?)?)(?:與|与|和|跟|同)"  # ('…，20日在山形縣廳與山形縣知事')
                        r"|\band\s+(?:also\s+)?(?:(?:signed|renewed|inked|concluded|formed|upgraded|extended)\s+)?"  # ('… and renewed a memorandum with Kanazawa')
                        r"(?:in\s+(?:19|20)\d\d\s+)?"
                        r"(?:(?:an?|another)\s+(?:[\w-]+\s+){0,6}?)?(?:of|with)\s+(?:the\s+)?"
                        r"(?:(?:[A-Z][\w.]*\s+)?(?:city|town|village|county|prefecture|state|province|municipality)\s+of\s+)?"
                        r"(?:[A-Z][\w-]*(?:'s|’s)\s+)?)"  # "and an MOU with Okinawa's Miyako Island", "the US state of"
                        r"\s*[\u4e00-\u9fff]{0,7}$")  # (a country and a division before the partner: '再與日本宮崎縣日南市')


def continuation(text: str, side: PlaceSpan) -> str:
    """The words that continue the subject's ties with ``side`` ('and in
    2017 of Kure', 'and with the US state of Hawaii in 2020'), to the end of
    their clause; '' where none do: a date there is that partner's."""
    m = _CONTINUED.search(text, max(0, side.start - 40), side.start)
    if m is None:
        return ""
    # (past the country or state that locates the partner: 'with Nantou County, Taiwan in 2004')
    after = re.match(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?[^,;.，。；]{0,30}", text[side.end:])
    return m.group(0) + text[m.end():side.end] + (after.group(0) if after else "")


_WITH_OBJECT = re.compile(r"\bwith\s+(?:the\s+)?(?:(?:[A-Z][\w.]*\s+)?(?:[Cc]ity|[Tt]own|[Vv]illage|[Cc]ounty|"
                          r"[Pp]refecture|[Ss]tate|[Pp]rovince|[Mm]unicipality)\s+of\s+)?$")


def co_objects(text: str, sides: list[PlaceSpan]) -> bool:
    """'Sister city ties were formed with Sonora, Mexico in 1990 and with
    Nantou County, Taiwan in 2004': every place the sentence names stands
    after its own 'with', so each is a partner of one unnamed subject, not
    of the others."""
    if len({s.place.id for s in sides}) < 2:
        return False
    return all(_WITH_OBJECT.search(text, max(0, s.start - 40), s.start)
               or (k and _CONTINUED.search(text, max(0, s.start - 40), s.start)) for k, s in enumerate(sides))


def continued_partners(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    local = [s for s in sides if s.place.country == "TW"]
    if len({s.place.id for s in local}) != 1:
        return []  # no subject, or two Taiwanese governments to choose from
    if sides[0].place.country != "TW" and re.search(r"(?i)\bwith\s+(?:the\s+)?(?:\w+\s+){0,3}$",
                                                    text[max(0, local[0].start - 40):local[0].start]):
        return []  # 'Manchester has … with Taichung since 1989, and with Neuss': the foreign subject's partners
    # (a Chinese clause of its own states a tie or a signing, not contacts only: '台中市也與大阪府有往來')
    out = [(local[0], s) for s in sides if s.place.country != "TW" and s.start > local[0].end
           and (m := _CONTINUED.search(text, max(0, s.start - 40), s.start))
           and (not _CJK_JOIN.search(m.group(0)) or relations_in(clause := _clause(text, s.start, s.end))
                or event_of(clause)[1])]
    for before, s in zip(sides, sides[1:]):  # ('並與日本青森縣、岐阜縣締結友好城市': the list goes on)
        if (local[0], before) in out and s.place.country != "TW" and re.fullmatch(r"\s*[、及和與与]\s*[\u4e00-\u9fff]{0,4}", text[before.end:s.start]):
            out.append((local[0], s))
    return out


# '，今年1月與台北市簽署…': a Chinese clause with no subject of its own, opened by when, then 'with'.
_RESUMED = re.compile(r"[，,；;]\s*(?:(?:今年|去年|昨年|同年|隔年|翌年|(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起|時|时)?)?"
                      r"\s*(?:則|则|並|并|也|亦|又|再|更)?\s*(?:與|与|和|跟|同)\s*[\u4e00-\u9fff]{0,6}$")


def resumed_subject(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """'布拉格市議會…與北京解除姊妹市協議，今年1月與台北市簽署姊妹市協議後，…': a
    Taiwanese government that a later clause without a subject joins to
    the foreign government opening the sentence is that one's partner
    (not the partner of the clause before it)."""
    if not sides or sides[0].place.country == "TW":
        return []  # (a Taiwanese subject's later partners: ``continued_partners``)
    out = []
    for s in sides[1:]:
        if s.place.country == "TW" and (m := _RESUMED.search(text, max(0, s.start - 24), s.start)) \
                and not any(m.start() <= o.start < s.start for o in sides) \
                and relations_in(_clause(text, s.start, s.end)):
            out.append((s, sides[0]))
    return out


# A joiner, then perhaps the unit that locates the partner ('與佐賀縣嬉野市').
_JOINED = re.compile(r"^\s*(?:(?:政府|市府|縣府|县府|公所|(?:副)?(?:[市縣县町村區区鄉乡鎮镇]長|知事)[\u4e00-\u9fff]{0,4}?)?"  # ('岐阜縣知事與台中市')
                     r"(?:則|则|並|并|也|亦|另)?(?:[於于在][^\s、，,。;；與与和]{1,8}?)?(?:與|与|和|及|跟|同)"
                     r"|and|with|-|–|/)"  # ('屏東縣則於去年與石垣市')
                     r"\s*[^\s、，,。;；]{0,6}$")  # ('台中市並與熊本縣', '台中市政府與日本熊本縣')


def adjacent_pairs(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """Pairs written as 'A with B' ('九如鄉與
    東串良町、高雄市與北九州市'): pair each side with the one joined to it."""
    pairs, i = [], 0
    while i + 1 < len(sides):
        a, b = sides[i], sides[i + 1]
        if (a.place.country == "TW") != (b.place.country == "TW") and (_JOINED.match(text[a.end:b.start]) or (
                _JA_SUBJECT_GAP.fullmatch(text, a.end, b.start) and _JA_WITH.match(text, b.end)) or (
                _JA_AND.fullmatch(text, a.end, b.start) and _JA_SUBJECT.match(text, b.end))):
            pairs.append((a, b) if a.place.country == "TW" else (b, a))
            i += 2
            # '嘉義市與金澤市、射水市': the partners listed after the first are joined to it too.
            while a.place.country == "TW" and i < len(sides) and sides[i].place.country != "TW" \
                    and _CJK_LIST_GAP.match(text[sides[i - 1].end:sides[i].start]):
                pairs.append((a, sides[i]))
                i += 1
        else:
            i += 1
    # '台中市與熊本縣簽署備忘錄，…台中市也與大阪府有往來': a pair joined in a clause without a word for a tie is none.
    cued = [(a, b) for a, b in pairs if not _CJK_JOIN.search(text, min(a.end, b.end), max(a.start, b.start))
            or relations_in(_clause(text, min(a.start, b.start), max(a.end, b.end)))]
    return cued if any(_CJK_JOIN.search(text, min(a.end, b.end), max(a.start, b.start)) for a, b in cued) else pairs


_CJK_JOIN = re.compile(r"[與和及跟同]")
# '弘前市が台南市と、八戸市が高雄市とそれぞれ…結んでいる': each subject with the partner its own と names.
_JA_SUBJECT = re.compile(r"\s*(?:が|は|も)\s*")
# (the partner's country or city may be written before it: '霧島市が台北市北投区と、')
_JA_SUBJECT_GAP = re.compile(r"\s*(?:が|は|も)\s*(?:(?:台湾|臺灣|台灣)\s*[の・]?)?\s*(?:[\u4e00-\u9fff]{1,4}[市県縣都府道])?\s*")
_JA_WITH = re.compile(r"\s*と(?:[、，,]|\s*(?:それぞれ|の間で))")
# '弘前市と台南市が…協定を、高山市と台北市が…': two sides joined by と as one subject.
_JA_AND = re.compile(r"\s*と(?:台湾|臺灣|台灣|日本)?[の・]?\s*")


def _clause(text: str, start: int, end: int) -> str:
    """The clause holding ``text[start:end]``, between clause marks."""
    before = [m.end() for m in CLAUSE_MARK.finditer(text, max(0, start - 80), start)]
    after = CLAUSE_MARK.search(text, end, end + 80)
    return text[before[-1] if before else max(0, start - 80):after.start() if after else end + 80]


_BETWEEN_GAP = re.compile(r"^\s*(?:,\s*[A-Z][\w ]*?,)?\s*and\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?$")
_DASHED = re.compile(r"\s*[–—─－]\s*|-")  # 'Aomori Prefecture–Taichung (friendship, 2017)', '青森縣─台中市'

def between_pairs(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """'ties between Prague and Taipei': the text says outright who the two
    partners are, so neither pairs with anyone else in the sentence."""
    pairs = []
    for a, b in zip(sides, sides[1:]):
        if (re.search(r"\bbetween\s+(?:the\s+)?(?:sister\s+cities\s+)?(?:[Cc]ity\s+of\s+)?$",
                      text[max(0, a.start - 40):a.start]) and not _ROUTE_BETWEEN.search(text[max(0, a.start - 60):a.start])
                and _BETWEEN_GAP.match(text[a.end:b.start]) and a.place.id != b.place.id):
            pairs.append((b, a) if b.place.country == "TW" and a.place.country != "TW" else (a, b))
        elif (_POSSESSIVE_TIE.match(text[a.end:b.start]) or (_DASHED.fullmatch(text, a.end, b.start) and (
                a.place.country == "TW") != (b.place.country == "TW"))) and a.place.id != b.place.id:
            pairs.append((b, a) if b.place.country == "TW" and a.place.country != "TW" else (a, b))
    return pairs


# 'direct flights between Kaohsiung and Osaka': a route, not a tie.
_ROUTE_BETWEEN = re.compile(r"(?i)\b(?:flights?|routes?|services?|ferr(?:y|ies)|trains?|shipping|cargo|distance|"
                            r"border|highway|bridge)\s+(?:[\w-]+\s+){0,2}?between\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?$")
_RESPECTIVELY = re.compile(r"(?i)\brespectively\b|分別|分别|それぞれ")
RUN_GAP = 30  # characters between two items of one list ('Monterey Park (City of Monterey Park)、')


def respective_pairs(text: str, sides: list[PlaceSpan], offset: int = 0) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """'Diamond Bar, Monterey Park and San Marino are the sister cities of
    Sanxia, Yonghe and Tamsui respectively' (分別為...): two runs of equal
    length, one foreign and one Taiwanese, pair up in order."""
    if not _RESPECTIVELY.search(text) or len(sides) < 4:
        return []
    runs: list[list[PlaceSpan]] = []
    for side in sorted(sides, key=lambda s: s.start):
        # A run is a list: its items follow each other closely ('、', ', ', ' and ').
        gap = text[runs[-1][-1].end - offset:side.start - offset] if runs else ""
        if runs and (runs[-1][0].place.country == "TW") == (side.place.country == "TW") \
                and len(gap) <= RUN_GAP and not (len(gap) > 3 and CLAUSE_MARK.search(gap)):
            runs[-1].append(side)
        else:
            runs.append([side])
    runs = [distinct_places(run) for run in runs]
    for first, second in zip(runs, runs[1:]):
        if len(first) == len(second) >= 2:
            return [(b, a) if b.place.country == "TW" else (a, b) for a, b in zip(first, second)]
    return []


def parallel_clauses(text: str, sides: list[PlaceSpan], offset: int = 0) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """'台北市在1995年與華沙締姊妹市盟約，台南市在2004年與艾布洛格市締盟': where
    every clause that names a place names one Taiwanese government and its
    partners, or two foreign ones that sign with each other, each clause
    pairs its own (nothing across clauses)."""
    clauses: list[list[PlaceSpan]] = []
    last_end = None
    for side in sorted(sides, key=lambda s: s.start):
        if last_end is None or CLAUSE_MARK.search(text[last_end - offset:side.start - offset]):
            clauses.append([])
        clauses[-1].append(side)
        last_end = side.end
    own = [distinct_places(c) for c in clauses]

    def taiwanese(c: list[PlaceSpan]) -> int:
        return sum(p.place.country == "TW" for p in c)

    def foreign_tie(c: list[PlaceSpan]) -> bool:  # ', and Seoul signed one with Busan': two others' own tie
        said = text[c[0].start - offset:c[-1].end - offset]  # (or 'Sendai is also a sister city of Riverside, …')
        return taiwanese(c) == 0 and (_SIGNING.search(said) or _IS_TIE.search(said)) is not None
    if len(own) < 2 or not all(len(c) >= 2 and (taiwanese(c) == 1 or foreign_tie(c)) for c in own) \
            or not any(taiwanese(c) == 1 for c in own):
        return []
    # ('…是友好城市，八王子市也與台中市有交流': a clause with no word for a tie pairs no one)
    ends = [c[0].start - offset for c in clauses[1:]] + [len(text)]
    shared = _ALL_OF_WHICH.match(text, own[-1][-1].end - offset) is not None  # ('A and B, C and D, all of which signed …')
    return [(tw, p) for c, end in zip(own, ends) if relations_in(text[c[0].start - offset:end])
            or _SIGNING.search(text, c[0].start - offset, end) or shared
            for tw in c if tw.place.country == "TW" for p in c if p.place.country != "TW"]


_ALL_OF_WHICH = re.compile(r"(?i)[^.;]{0,3}\b(?:all|each|both)\s+of\s+(?:which|whom|them)\b[^.;]*(?:sister|friendship|twin|agreement|memorand|MOU)")
_IS_TIE = re.compile(r"(?i)\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
                     r"(?:sister|twin|friendship)[\s-]+(?:city|cities|towns?|county|counties|state|states)\s+(?:of|with)\b")
_SIGNING = re.compile(r"(?i)\b(?:signed|inked|agreed|established|formed|became|twinned|sealed|followed)\b|簽|签|締|缔|結為|结为")


_POSSESSIVE_TIE = re.compile(  # "Hsinchu County's sister city Santa Clara County"
    r"^(?:'s|’s)\s+(?:(?:new|first|oldest|latest|\w+-?th)\s+)?(?:sister|friendship|twin|partner)[\s-]+"
    r"(?:city|cities|county|prefecture|state|province|town|partners?)\s*,?\s*(?:of\s+)?$", re.I)


_BESIDE = re.compile(r"^[\s,、・·(（]{0,3}$")
_PARTNER_WORD = re.compile(r"\s*(?:と|與|与|和|跟|同|及|並|以及|and\b|with\b)")
_OWNS_TIE = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:sister|friendship|twin)[\s-]+(?:city|county|state|prefecture|town)\b")
_TIE_NOUN = re.compile(r"(?i)\b(?:sister|friendship|twin)[\s-]+(?:city|partner|county|state|prefecture|town)\s+$")


def standing_alone(text: str, sides: list[PlaceSpan]) -> set[str]:
    """Places a sentence names at least once as a party of their own: no
    other place right before or after, a word for 'with' or 'and' right
    after ('高雄市と観光交流都市' beside '高雄市鼓山区'; not 'Kure, Hiroshima',
    nor '台中市旗', a city's flag)."""
    def beside(s: PlaceSpan) -> bool:
        return any(t is not s and (_BESIDE.match(text[s.end:t.start]) if t.start >= s.end
                                   else t.end <= s.start and _BESIDE.match(text[t.end:s.start])) for t in sides)
    return {s.place.id for s in sides if not beside(s) and (  # (or named as a partner: 'friendship partner Okinawa')
        _PARTNER_WORD.match(text, s.end) or _TIE_NOUN.search(text, max(0, s.start - 30), s.start)
        or _OWNS_TIE.match(text, s.end)  # (or the owner of a tie: "Hsinchu County's sister county since 1980")
        or tie_object(text, s.start)  # (or a tie's object: 'signing a friendship pact with Miyazaki Prefecture')
        # (or an item of its own in a list of ties: 'Narita, Japan (2016); Chiba Prefecture, Japan (2016)')
        or (_ITEM_OPENS.search(text, max(0, s.start - 3), s.start) and _ITEM_NOTE.match(text, s.end)))}


_ITEM_OPENS = re.compile(r"(?:^|[;:；：\n])\s*$")
_ITEM_NOTE = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*[(（]")


def same_kind_pair(local: list[PlaceSpan], foreign: list[PlaceSpan], text: str = "") -> list[tuple[PlaceSpan, PlaceSpan]]:
    """Two Taiwanese governments and no foreign one, or the reverse: the sentence's one pair."""
    for these, others in ((local, foreign), (foreign, local)):
        distinct = distinct_places(these)
        # ('Taipei has more than 50 sister cities, Kaohsiung more than 20': two of a kind told apart by a comma)
        if len(distinct) == 2 and not others and not (these is local and text and (CLAUSE_MARK.search(
                text, distinct[0].end, distinct[1].start) or _EACH.match(text, distinct[1].end))) \
                and not (text and _OBJECTS_OF.search(text, max(0, distinct[0].start - 30), distinct[0].start)) \
                and not (text and co_partners(text, distinct[0], distinct[1])):
            return [(distinct[0], distinct[1])]
    return []


# 'Jackson City, Miss., another sister city', 'Provo, also a sister city of ...'
_ANOTHER_OF_KIND = re.compile(r"(?:\s+(?:City|Town|County))?(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+"
                              r"(?:another|also\s+(?:a|an|its|their)|one\s+more)\s+(?:[\w-]+\s+)?"
                              r"(?:sister|friendship|twin|partner)\b", re.I)


def co_partners(text: str, a: PlaceSpan, b: PlaceSpan) -> bool:
    """'Besides Murray, the delegation also visited Jackson City, Miss.,
    another sister city': two places of one country, the later one called
    another partner, are both partners of a third government, not each
    other's."""
    first, later = sorted((a, b), key=lambda s: s.start)
    return first.place.country == later.place.country and _ANOTHER_OF_KIND.match(text, later.end) is not None


# ('Taipei and Kaohsiung have each signed smart city agreements with …': ties of their own, not with each other;
# '…including those with Manila and Houston': someone's partners)
_EACH = re.compile(r"(?i)\s+(?:(?:have|has|had)\s+)?(?:each|both|respectively)\b|\s*(?:各自|分別|分别)")
_OBJECTS_OF = re.compile(r"(?i)\b(?:with|including|such\s+as)\s+(?:the\s+(?:cities\s+of\s+)?)?$"
                         r"|\b(?:cities|towns|partners|counties|prefectures)\s*:\s*$")  # ('Sister cities: Boise City, …; Oklahoma City')


def distinct_places(spans: list[PlaceSpan]) -> list[PlaceSpan]:
    seen, out = set(), []
    for s in spans:
        if s.place.id not in seen:
            seen.add(s.place.id)
            out.append(s)
    return out


def not_in(spans: list[PlaceSpan], ids: set[str]) -> list[PlaceSpan]:
    """The spans whose place is not one of ``ids`` (spans without a place stay)."""
    return [s for s in spans if not (s.place and s.place.id in ids)]


def co_listed(text: str, sides: list[PlaceSpan]) -> bool:
    """Every government of the row (after a colon: 'Pécs maintains partnerships with: A (Germany, 1986), …')
    is a member of one list of three or more."""
    listed = sides[next((k for k in range(1, len(sides)) if re.search("[:：]", text[sides[k - 1].end:sides[k].start])), 0):]
    return len(listed) >= 3 and len(set(list_chains(text, listed).values())) == 1
