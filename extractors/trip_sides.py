"""Where a trip goes and where guests come from: places a sentence names
beside the partner only as a destination ('visited Osaka and signed an MOU
with Sakai') or as the home of officials met ('hosted mayors from Busan,
Fukuoka and Manila ... and signed an MOU with Busan'). Plain functions over
``PlaceSpan`` records, used to set such places apart when choosing pairs and
as features for the pair scorer."""

from __future__ import annotations

import re

from extractors.place_cues import APPOSED_TIE
from extractors.places import PlaceSpan
from extractors.segmentation import text_of


# 'visited Osaka, where she ... signed an MOU with Sakai City', 'flew to Los
# Angeles and then to Fairbanks', '訪問日本東京，並與高知縣簽署', '東京を訪問し':
# where a trip goes.
_TRIP_TO = re.compile(
    r"(?i)(?:\bvisit(?:ed|ing|s)?|\b(?:visit|trip|journey|tour|travel)s?\s+to"
    r"|\b(?:flew|flown|fly|flying|travel(?:l?ed|l?ing)|went|headed|returned)\s+(?:back\s+)?to"
    r"|\b(?:arriv(?:ed|ing|es?)|landed|stopp(?:ed|ing)(?:\s+over)?|stop(?:ped)?over|transit(?:ed|ing)?)\s+in"
    r"|\bthen\s+(?:on\s+)?to|\band\s+on\s+to"
    # ('his 10-day trip from Seoul to Oklahoma City': the ends of a route)
    r"|\b(?:trip|tour|journey|flight|route|voyage)s?\s+from(?:\s+[\w.'’-]+){0,4}?(?:\s+to)?"
    # ('traveled to Cupertino, its sister city, and then to San Jose'; 'a trip that will also take her to New York')
    r"|\b(?:take|took|takes|taking)\s+(?:him|her|them|the\s+(?:mayor|governor|delegation|group))\s+(?:also\s+)?to)"
    r"\s+(?:the\s+(?:city|town|state|prefecture)\s+of\s+)?$"
    r"|(?:訪問|參訪|拜訪|拜會|拜会|前往|抵達|到訪|出訪|飛往|造訪|訪日|赴|轉往|转往|轉赴|转赴|轉抵"
    r"|(?<![提得受達达看聽听想感遇做])到)[^\s，。、,；;與和及]{0,4}$")  # ('首日到新罕布夏州，拜會姊妹市曼徹斯特')
_TRIP_AFTER = re.compile(r"(?:を(?:表敬)?訪問|を訪れ|に到着|入りし)")  # matched at the name's end ('を表敬訪問': a courtesy call)


def trip_destination(text: str, side: PlaceSpan) -> bool:
    return (_TRIP_TO.search(text, max(0, side.start - 40), side.start) is not None
            or _TRIP_AFTER.match(text, side.end) is not None)


_CJK_LIST_GAP = re.compile(r"\s*[、・と及や]\s*")
_TRIP_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|or)\s+|[、及和])\s*")


# '姉妹都市である仙台市を訪問', 'visited its sister city Sendai': a destination the
# sentence names as the partner is no mere stop on the way.
_NAMED_PARTNER = re.compile(r"(?:姉妹都市|友好都市|姊妹市|姐妹市|友好城市|(?i:sister[\s-]+city|friendship[\s-]+city))"
                            r"\s*(?:である|の|的|,)?\s*$")


# '明年將赴岡山市洽談締盟', 'will travel to Okayama to sign a friendship agreement': the trip is for a tie there.
_TO_TIE = re.compile(r"(?i)\s*(?:,\s*)?to\s+(?:sign|discuss|negotiate|seek|explore|establish|form|formali[sz]e)\b"
                     r"|[^，。,、；]{0,4}?(?:洽談|洽谈|商談|商谈|簽署|签署|簽訂|签订|締結|缔结|締盟|缔盟|結盟|结盟)")


def trip_only(text: str, sides: list[PlaceSpan]) -> set[str]:
    """Places of a sentence named only as where a trip goes (with the rest
    of their list: 'visited Houston, Dallas and Austin'), when it names
    another foreign place too: that one is the partner ('visited Osaka and
    signed an MOU with Sakai'). Empty when every foreign place is a
    destination, for a visit to the partner is how most ties are signed."""
    on_trip: set[int] = set()
    for i, s in enumerate(sides):
        if _NAMED_PARTNER.search(text, max(0, s.start - 16), s.start) or _TO_TIE.match(text, s.end) \
                or APPOSED_TIE.match(text, s.end) or text.startswith(("'s", "’s"), s.end):  # ("visited Hsinchu County's …")
            continue
        if trip_destination(text, s) or (i and id(sides[i - 1]) in on_trip
                                         and _TRIP_LIST_GAP.fullmatch(text[sides[i - 1].end:s.start])):
            on_trip.add(id(s))
    # '京都市、大阪市を表敬訪問': the Japanese verb follows the whole list.
    for i in range(len(sides) - 2, -1, -1):
        if id(sides[i + 1]) in on_trip and _CJK_LIST_GAP.fullmatch(text[sides[i].end:sides[i + 1].start]) \
                and not _NAMED_PARTNER.search(text, max(0, sides[i].start - 16), sides[i].start):
            on_trip.add(id(sides[i]))
    ids = {s.place.id for s in sides if id(s) in on_trip} - {s.place.id for s in sides if id(s) not in on_trip}
    # ('signed the agreement in Taitung during a trip that also took him to Taipei and Taoyuan':
    # places a trip 'also' went to are other stops than the partner's, named or not; not 'also visited
    # Kaohsiung', which may be the partner's visit)
    also = {s.place.id for s in sides if id(s) in on_trip and _ALSO_TRIP.search(text, max(0, s.start - 60), s.start)}
    return ids if any(s.place.id not in ids for s in sides) else also


_ALSO_TRIP = re.compile(r"(?i)\b(?:trip|tour|journey|visit)\s+(?:that|which)\s+also\s+(?:took|brought)\s+\w+\s+to\s+[^.;]*$")


# 'hosted mayors from Busan, Fukuoka and Manila ... and signed an MOU with
# Busan': where guests come from, beside the partner a tie names after 'with'.
_GUESTS_FROM = re.compile(r"(?i)\b(?:mayors?|governors?|delegat(?:es|ions?)|officials|representatives|guests|"
                          r"leaders|visitors|participants)\s+from\s+(?:the\s+)?$")
# 'met Busan Mayor Park and signed an MOU with Fukuoka': where an official met comes from
# (not one who signs: 'Taipei Mayor Ko and Prague Mayor Hrib signed').
_OFFICIAL_AFTER = re.compile(r"\s+(?:Deputy\s+|Vice\s+)?(?:Mayor|Governor|Magistrate|officials|delegation)\b")
_MET = re.compile(r"(?i)\b(?:met|meets|meeting|welcomed|welcomes|received|receives|hosted|hosts|greeted)\s+"
                  r"(?:with\s+)?(?:the\s+)?$")
_PARTNER_WITH = re.compile(r"(?i)\bwith\s+(?:the\s+)?(?:(?:city|town|county|prefecture|province|state)\s+of\s+)?$")


def guests_only(text: str, sides: list[PlaceSpan]) -> set[str]:
    """Foreign places of a sentence named only as where guests or
    officials come from (with the rest of their list), when a foreign place
    is the object of 'with': that one is the partner."""
    foreign = [s for s in sides if s.place.country != "TW"]
    partners = {s.place.id for s in foreign if _PARTNER_WITH.search(text, max(0, s.start - 30), s.start)}
    if not partners:
        return set()
    guests: set[int] = set()
    for i, s in enumerate(foreign):
        if _GUESTS_FROM.search(text, max(0, s.start - 40), s.start) or (
                _OFFICIAL_AFTER.match(text, s.end) and _MET.search(text, max(0, s.start - 30), s.start)) or (
                i and id(foreign[i - 1]) in guests and _TRIP_LIST_GAP.fullmatch(text[foreign[i - 1].end:s.start])):
            guests.add(id(s))
    return {s.place.id for s in foreign if id(s) in guests} - partners


# 'Minister of Economic Affairs Kuo and Texas Governor Abbott signed …', '經濟部長今天與美國德州州長簽署':
# a national office signs; a local government named beside it only watches.
# (and the two countries' unofficial envoys: 'the Taiwan-Japan Relations Association and the Japan-Taiwan
# Exchange Association signed …', the American Institute in Taiwan, a Taipei Economic and Cultural Office)
_NATIONAL_SIGNER = re.compile(r"(?i)\b(?:minister|ministry|premier|president|vice\s+president|council\s+of\s+agriculture"
                              r"|relations\s+association|exchange\s+association|institute\s+in\s+taiwan"
                              r"|economic\s+and\s+cultural\s+(?:office|representative\s+office))\b"
                              r"|部長|部次長|經濟部|外交部|交通部|農業部|總統|行政院|國發會|院長")
_WITNESS_BEFORE = re.compile(r"(?i)(?:witnessed\s+by|in\s+the\s+presence\s+of)\s+(?:\w+\s+){0,3}$")
_WITNESS_AFTER = re.compile(r"(?i)[^.;,，。]{0,40}?(?:\bin\s+attendance\b|\blooking\s+on\b|\bas\s+(?:a\s+)?witness|"
                            r"(?:也|亦)?(?:出席|到場)?(?:見證|见证|觀禮|观礼))")


def witnesses(text: str, sides: list[PlaceSpan], sent_start: int) -> set[str]:
    """Places whose government only watches a signing a national office makes
    ('…, with Kaohsiung Mayor Chen Chi-mai in attendance', '高雄市長陳其邁也出席見證'),
    or two other governments make: not a party to it."""
    if not sides:
        return set()
    found = {s.place.id for s in sides if _WITNESS_BEFORE.search(text, max(sent_start, s.start - 40), s.start)
             or _WITNESS_AFTER.match(text, s.end)}
    if _NATIONAL_SIGNER.search(text, sent_start, max(s.start for s in sides)):
        return found
    # ('New Taipei and Hachioji signed …, witnessed by Taipei Mayor Chiang': a third government only watches)
    rest = [s.place for s in sides if s.place.id not in found]
    return found if any(p.country == "TW" for p in rest) and any(p.country != "TW" for p in rest) else set()


# 'signed a marketing agreement with Aeon supermarkets', '… with Japanese retailer
# Aeon', '… with SoftBank Corp.': a tie whose other party, right after 'with', is
# a firm or body, not a government.
_POSSESSIVE = re.compile(r"['’]s\b")
_FIRM_WITH = re.compile(r"[^.;:!?]{0,25}?\s+with\s+(?:the\s+)?")
_FIRM = re.compile(r"(?:[A-Z][\w&'’.-]*\s+){0,4}(?:Corp(?:oration)?\b\.?|Co\.|Inc\b\.?|Ltd\b\.?|Group\b|Holdings\b|"
                   r"Bank\b|Airlines?\b|Airways\b|supermarkets?\b|(?:supermarket\s+|retail\s+)?chains?\b|stores?\b)"
                   r"|(?:[A-Z][a-z]+\s+)?(?:retailer|company|firm|carrier|bank|conglomerate|startup|developer|"
                   r"manufacturer|chipmaker|automaker|brand)\s+[A-Z]")


def firm_party(doc, cue_end: int) -> bool:
    """Whether the tie a cue (ending at ``cue_end`` in ``doc``) names is with
    a firm written right after 'with': an organisation entity or a company's
    word, with no place named in it."""
    text = text_of(doc)
    m = _FIRM_WITH.match(text, cue_end)
    if m is None:
        return False
    firm = _FIRM.match(text, m.end())
    end = firm.end() if firm else next((e.end_char for e in doc.ents if e.label_ == "ORG" and e.start_char == m.end()
                                        and not _POSSESSIVE.match(text, e.end_char)), None)  # ("Hokkaido's Furano")
    return end is not None and not any(m.end() <= s.start < end for s in doc._.places or () if s.place is not None)
