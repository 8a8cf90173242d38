"""A larger unit that only locates a smaller one written beside it
('Changzhi Township in Pingtung County', 'Kure, Hiroshima', "Kaohsiung's
Annan District", '屏東縣九如鄉', '芝加哥市的庫克郡'): it says where the party
is, and is no party itself."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_core
from extractors.lexicon import CLAUSE_MARK
from extractors.place_cues import UNIT_APPOSED, tie_object
from extractors.places import PlaceSpan

TAIWAN_PROVINCE = "TW-TWP"  # a party to US states' ties, and the column that locates a city in tables
_LOCATIVE = re.compile(r"^(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?|\s*\(\s*|[ \t]*\|[ \t]*"  # (a table's column: 'Seattle | Washington')
                       r"|,\s+(?:the\s+)?(?:state\s+|provincial\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?"  # ('Columbia, the capital of South Carolina')
                       rf"|{UNIT_APPOSED})"  # ('Gimpo, a city in Gyeonggi Province')
                       r"(?:[A-Z][\w ]*?(?:'s|’s)\s+)?$")
_ADMIN_LEVELS = ("state", "prefecture", "province", "region", "county")


def locates(big: PlaceSpan, small: PlaceSpan) -> bool:
    same = big.place.country == small.place.country and big.place.id != small.place.id
    # '仁川廣域市延壽區', "Incheon's Yeonsu District": a metropolitan city holds its districts.
    district = small.place.level.value == "district" and small.place.admin1 == big.place.name
    # ("Guam's Hagåtña": a territory holds its villages)
    territory = big.place.level.value == "other" and small.place.level.value == "city"
    return same and (big.place.level.value in _ADMIN_LEVELS or tw_parent(small.place.id) == big.place.id or district
                     or territory)


def same_abroad(a: PlaceSpan, b: PlaceSpan) -> bool:
    return a.place.id != b.place.id and a.place.country == b.place.country != "TW"


def names_admin1(big: PlaceSpan, small: PlaceSpan) -> bool:
    """'Kure, Hiroshima': the name after is the division holding the place
    before, even where the gazetteer took it for the city of that name."""
    return (big.place.country == small.place.country and small.place.admin1 is not None
            and big.place.id != small.place.id and fold_core(big.text) == fold_core(small.place.admin1))


def drop_contained(sides: list[PlaceSpan], text: str = "") -> list[PlaceSpan]:
    """'Changzhi Township in Pingtung County', 'Dingalan in Aurora Province',
    "Kaohsiung's Annan District", '屏東縣九如鄉': the larger unit only locates
    the smaller one written beside it; it is not a side."""
    located = set()
    for a, b in zip(sides, sides[1:]):
        gap = text[a.end:b.start]
        if (locates(b, a) or names_admin1(b, a)) and (_LOCATIVE.match(gap) or (
                not gap.strip() and tw_parent(a.place.id) == b.place.id)):  # (a row's 'Yongkang District  Tainan')
            located.add(id(b))
        elif b.place.id == TAIWAN_PROVINCE and a.place.country == "TW" and not gap.strip():
            located.add(id(b))  # a table's province column: 'Chiayi  Taiwan Province
        elif locates(a, b) and re.fullmatch(r"|(?:'s|’s)\s+", gap) or (gap in ("的", "の") and same_abroad(a, b)):
            located.add(id(a))  # ('芝加哥市的庫克郡': whatever the levels, the place before 的 only says where)
    sides = [s for s in sides if id(s) not in located]
    # (a bare name shared by a city and a prefecture written with its unit is no part of it: '熊本縣…在熊本設廠')
    written = {s.place.name for s in sides if s.text[-1:] in ("縣", "県", "府", "州", "省")}
    inner = [s for s in sides if s.place.admin1 and not (
        s.place.admin1 == s.place.name in written and s.text[-1:] not in ("市", "町", "村", "區", "区"))]

    def holds(division: PlaceSpan) -> bool:
        # (a town in another clause is its own party: '熊本縣與高雄市…協定，台中市則與熊本市…')
        return any((t.place.country, t.place.admin1) == (division.place.country, division.place.name) and not (
            text and CLAUSE_MARK.search(text, min(t.end, division.end), max(t.start, division.start))) for t in inner)
    return [s for s in sides if not (s.place.level.value in ("state", "prefecture", "province", "region") and holds(s)
                                     and not (text and (_HEAD_AFTER.match(text, s.end) or (
                                         tie_object(text, s.start) and _AND_NEXT.match(text, s.end)))))]


# 'with Shimane Prefecture Governor Zenbe and Matsue City Mayor Matsuura': a division its own head
# speaks for is a party beside the city in it.
_AND_NEXT = re.compile(r"\s+and\s+(?!its\b|the\s+city\s+of\b)")  # ('a memorandum with Shimane Prefecture and Matsue')
_HEAD_AFTER = re.compile(r"\s*(?:(?:Vice[\s-]+|Deputy\s+)?(?:Governor|Gov\.)\s|副?知事|州長|州长|省長|省长)")


def tw_parent(place_id: str) -> str | None:
    # Taiwan ids nest: TW-PIF-changzhi belongs to TW-PIF.
    if place_id.startswith("TW-") and place_id.count("-") >= 2 and "-hist-" not in place_id:
        return "-".join(place_id.split("-")[:2])
    return None
