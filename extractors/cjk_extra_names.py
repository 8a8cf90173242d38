"""Names in Chinese and Japanese text that the character scan of
``chinese.py`` cannot find by itself: Japan's cities written with one
character, Japan's towns GeoNames gives no kanji for ('那智勝浦町'), towns
known only by the division written before them ('鹿兒島縣東串良町', '俄亥俄州
瑞奇蘭郡'), and foreign names left in Latin letters ('南灣Cupertino市')."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold_characters
from extractors.gazetteer.transliteration import by_sound
from extractors.kana import kana_word, name_reading, place_by_reading, romaji, town_reading, written_name
from extractors.lexicon import relations_in
from extractors.place_cues import PlaceSpan
from extractors.place_rows import ROW_NAME_POPULATION, named_as
from extractors.venues import sentence_bounds
from models.records import Level, Place

# Characters a place name cannot start after: it starts a new word.
NAME_BOUNDARY = frozenset("與与和及、的於于在同跟對对是為为係即乃將将也亦はがをにもでとへ，。：「」『』（）()【】《》 \n\t,.:;-—")
# A head's title written right after the division, before a surname that may end like a town ('木村').
_TITLE_FIRST = re.compile(r"(?:副)?(?:知事|首長|議長|議員|市長|市长|町長|村長|縣長|县长|主席|委員|長官)")

# Japan's cities named by one character ('呉市と基隆市が'): any other single
# character before 市 is too often a word ('本市', '上市', '同市') to be a stem.
# These too are surnames ('吳市長' is Mayor Wu), so one is taken only where a
# Japanese particle or a stop follows it, or Japan or a prefecture of it
# stands just before ('日本吳市').
_JA_AFTER_NAME = frozenset("とがはのでにをもや、。・」）)")
_ONE_KANJI_CITIES = frozenset(fold_characters(n) for n in ("津市", "堺市", "呉市", "柏市", "燕市", "蕨市", "萩市", "旭市", "光市", "関市"))


def one_kanji_city(chunk: str, text: str, end: int, before: list[PlaceSpan]) -> bool:
    """Whether ``chunk`` (folded, ending at ``end``) is one of those cities here."""
    if chunk not in _ONE_KANJI_CITIES:
        return False
    if text[end:end + 1] in _JA_AFTER_NAME:
        return True
    last = before[-1] if before else None
    return last is not None and last.end == end - len(chunk) and "JP" in (
        last.country, last.place.country if last.place else None)


# A town's name in hiragana or in katakana.
_KANA_NAME = re.compile(r"[\u3041-\u3096ー]+|[\u30a1-\u30faー]+")


def read_municipality(world, written: str):
    """A Japanese city, town or village written in kanji that the name table
    lacks ('那智勝浦町', '読谷村'), by the dictionary's reading of its name:
    only a name the dictionary files as a proper noun, read to a
    municipality GeoNames files under that reading, so that words before a
    市 ('城下町', '門前町') and Chinese people's names ('黃偉哲市長') are not
    read as towns. A name written in kana ('みなかみ町', 'ニセコ町') is its own
    reading."""
    stem = written[:-1]
    if written[-1] not in "市町村":
        return None
    if 2 <= len(stem) <= 5 and all("\u4e00" <= c <= "\u9fff" for c in stem):
        reading = name_reading(stem)
    elif 3 <= len(stem) <= 6 and _KANA_NAME.fullmatch(stem):
        reading = romaji(stem)
    else:
        return None
    if not reading or len(reading) < (4 if stem[0] >= "\u4e00" else 5):
        return None
    place = place_by_reading(world, reading, Level.CITY, None)
    if place is not None:
        return place if place.country == "JP" and place.level is Level.CITY else None
    # GeoNames may file the town's reading only as another name of its main
    # settlement (Nachikatsuura under Katsuura): the town, by its reading.
    seat = next((p for p in world.lookup(reading.capitalize(), "JP") if p.country == "JP" and p.level is Level.CITY),
                None)
    if seat is None:
        return None
    # Written as English writes Japanese names ('Kikuyo', not 'Kikuyou').
    name = written_name(reading)
    return Place(id=f"prov:JP:{name.lower()}", name=name, country="JP", level=Level.CITY,
                 admin1=seat.admin1, native=written, provisional=True)


# A Latin name run into the unit word that makes it a government: 'Cupertino市',
# 'San Mateo郡', 'Orange County縣'. Without the unit it may be a firm or a person.
_LATIN_UNIT = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s?([市郡縣县州鎮町村])")
_UNIT_LEVEL = {"郡": Level.COUNTY, "縣": Level.COUNTY, "县": Level.COUNTY, "州": Level.STATE}


def latin_names(text: str, spans: list[PlaceSpan], gaz) -> list[PlaceSpan]:
    """Foreign governments written in Latin letters before a unit word, in
    the country a place or country just before names, else anywhere: a
    city by its own name and of some size, a county or state by its name."""
    out = []
    for m in _LATIN_UNIT.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        name, unit = m.group(1), m.group(2)
        before = [s for s in spans if s.end <= m.start() and m.start() - s.end <= 2]
        hint = (before[-1].country or (before[-1].place.country if before[-1].place else None)) if before else None
        level = _UNIT_LEVEL.get(unit)
        found = [p for p in gaz.foreign_lookup(name, hint) if p.country != "TW" and named_as(p, name)
                 and (hint in (None, "TW") or p.country == hint)
                 and (p.level is level if level else
                      p.level is Level.CITY and (p.population or 0) >= ROW_NAME_POPULATION)]
        if level is Level.COUNTY and not found:
            found = [p for p in gaz.foreign_lookup(f"{name} County", hint) if p.level is Level.COUNTY
                     and p.country != "TW" and (hint in (None, "TW") or p.country == hint)]
        if found:
            out.append(PlaceSpan(m.start(), m.end(), m.group(0), "foreign", place=found[0], notes=["latin"]))
    return out


_TIE_VERB = re.compile(r"締結|缔结|簽署|签署|簽訂|签订|結盟|结盟|締盟")
_TOWN = re.compile(r"(?:[\u4e00-\u9fff]{2,4}?|[\u3041-\u3096\u30a1-\u30fa]{2,5})[町村市]")  # (or in kana: 'えりも町')
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff]+")
_GUN = re.compile(r"[\u4e00-\u9fff]{1,4}郡")  # '幌泉郡', '八重山郡': no government since 1926
_DIVISION_LEVELS = frozenset({"prefecture", "state", "province", "region", "county"})


def town_after(text: str, i: int, before: list[PlaceSpan], world) -> PlaceSpan | None:
    """'鹿兒島縣東串良町': a town the gazetteer lacks, written right after the
    prefecture that holds it, is kept as a provisional place of that country."""
    last = before[-1] if before else None
    # (a Japanese 郡 may stand between, naming no government: '北海道幌泉郡えりも町')
    if last is None or not (last.end == i or text[last.end:i] in ("的", "の") or (
            _GUN.fullmatch(text, last.end, i) and last.place is not None and last.place.country == "JP")) \
            or last.place is None or last.place.country == "TW" \
            or last.place.level.value not in _DIVISION_LEVELS or last.text[-1] not in "縣県县道府都":
        return None  # a prefecture's town; after '加州' a 市 is as often a word ('台裔市長')
    m = _TOWN.match(text, i)
    if not m or any(cue_start < m.end() - i for _, cue_start, _ in relations_in(text[i:i + 12])) \
            or _TIE_VERB.search(m.group(0)):
        return None  # '哈特福縣締結姊妹市': the words of the tie, not a town
    name = m.group(0)
    if name[0] in NAME_BOUNDARY or _TITLE_FIRST.match(name) or (
            not _KANJI_NAME.fullmatch(name[:-1]) and kana_word(name[:-1])):
        return None  # '邁阿密-戴德县與新北市': the next party; '熊本縣知事木村敬': the governor, Mr Kimura
    heard = _heard(world, text, i, m.end(), last.place)
    if heard is not None:
        return heard
    english, key = name, name
    if last.place.country == "JP" and (reading := town_reading(name) if _KANJI_NAME.fullmatch(name[:-1])
                                       else romaji(name[:-1])):
        # '福井縣南越前町': the town by its Japanese reading, as English writes it.
        known = place_by_reading(world, reading, Level.CITY, last.place.name)
        if known is not None:
            return PlaceSpan(i, m.end(), name, "foreign", place=known, notes=["reading"])
        english, key = written_name(reading), written_name(reading).lower()
    place = Place(id=f"prov:{last.place.country}:{key}", name=english, country=last.place.country,
                  level=Level.CITY, admin1=last.place.name, native=name, provisional=True)
    return PlaceSpan(i, m.end(), name, "foreign", place=place, notes=["provisional"])


# '美國休士頓及奧馬哈': a bare name listed right after a city of one country, ended by the next joiner or a stop.
_LIST_JOINER = ("、", "及", "和", "與", "与", "以及")
_SIBLING_END = re.compile(r"[、及和與与，,。；;等)）]|$")
SIBLING_POPULATION = 100_000


def sibling_after(text: str, i: int, before: list[PlaceSpan], gaz) -> PlaceSpan | None:
    """'休士頓及奧馬哈': a city too small to be read bare anywhere, read where
    it is listed after a city of its country (as English lists are read)."""
    last = before[-1] if before else None
    if last is None or last.kind != "foreign" or last.place is None or last.place.level is not Level.CITY \
            or text[last.end:i] not in _LIST_JOINER:
        return None
    for n in range(min(6, len(text) - i), 1, -1):
        if not _SIBLING_END.match(text, i + n) or not _KANJI_NAME.fullmatch(text, i, i + n):
            continue
        found = [p for p in gaz.foreign_lookup(fold_characters(text[i:i + n]), last.place.country)
                 if p.level is Level.CITY and (p.population or 0) >= SIBLING_POPULATION]
        if found:
            return PlaceSpan(i, i + n, text[i:i + n], "foreign", place=found[0], notes=["listed"])
    return None


_GUN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,4}郡$")


def town_in_gun(text: str, i: int, world) -> PlaceSpan | None:
    """'八重山郡竹富町' with no prefecture before it: a town or village after a
    郡 is Japan's (a US county is followed by a 市, not a 町), found by its
    reading, else kept as a provisional place of Japan."""
    m = _TOWN.match(text, i)
    if not _GUN_BEFORE.search(text[max(0, i - 5):i]) or not m or m.group(0)[-1] not in "町村" \
            or relations_in(m.group(0)) or _TIE_VERB.search(m.group(0)):
        return None
    stem = m.group(0)[:-1]
    reading = name_reading(stem) if _KANJI_NAME.fullmatch(stem) else None if kana_word(stem) else romaji(stem)
    if not reading:
        return None  # only a name the dictionary files as a proper noun
    known = place_by_reading(world, reading, Level.CITY, None)
    place = known if known is not None and known.country == "JP" else Place(
        id=f"prov:JP:{written_name(reading).lower()}", name=written_name(reading), country="JP", level=Level.CITY,
        native=m.group(0), provisional=True)
    return PlaceSpan(i, m.end(), m.group(0), "foreign", place=place, notes=["reading" if known else "provisional"])


# A name with a local government's suffix that no table knows ('富頓縣').
_UNKNOWN_UNIT = re.compile(r"[邦州省]?\s*(?:首府)?[\u4e00-\u9fff·‧・-]{1,6}?[市縣县郡區区村町鎮镇城]")  # ('奧克拉荷馬州龐卡城')
_UNKNOWN_STATE = re.compile(r"[\u4e00-\u9fff·‧・-]{2,6}?[州省]")
_DIVISIONS = (Level.STATE, Level.PROVINCE, Level.REGION, Level.PREFECTURE)


def locate_unknown_towns(text: str, spans: list[PlaceSpan], world) -> None:
    """'喬治亞州 富頓縣', '巴伐利亞邦 史坦堡縣': a state written before a
    county or town the gazetteer cannot read says where that unit is. The
    state is not the partner, so it stops being a side; the unit is the
    place of that state its sound transliterates, where one stands out."""
    starts = {s.start for s in spans}
    for span in list(spans):
        if span.kind != "foreign" or span.place is None or span.place.level not in _DIVISIONS:
            continue
        m = _UNKNOWN_UNIT.match(text, span.end)
        # '宿霧省締結友好城市': the words of a tie after the state, not a town in it.
        if m and not any(span.end <= st < m.end() for st in starts) and not _TIE_VERB.search(m.group(0)) \
                and not relations_in(m.group(0)) and not _TITLE_FIRST.match(text, m.start()):
            span.kind = "locator"
            unit = _heard(world, text, m.start(), m.end(), span.place)
            if unit is not None:
                spans.append(unit)
    for span in list(spans):  # '帛琉艾美利克州': a state of the country named before it
        if span.kind == "country" and span.country not in _NOT_BY_SOUND and (m := _UNKNOWN_STATE.match(text, span.end)) \
                and not relations_in(m.group(0)) and (place := by_sound(world, m.group(0), span.country, "", ())):
            spans[:] = [s for s in spans if not span.end <= s.start < m.end()]  # ('恩加拉德州' holds no 德州)
            spans.append(PlaceSpan(m.start(), m.end(), m.group(0), "foreign", place=place, notes=["transliteration"]))


_BRACKET_PARENT = re.compile(r"\s*[（(]\s*(?:台湾|臺灣|台灣|中華民國|中华民国)?[・･、\s]*")


_CITY_WORD = re.compile(r"(?:廣域|广域|特別|特别)?市")


def parents_locate(text: str, spans: list[PlaceSpan]) -> None:
    """'台中市西屯區公所與…', '加利福尼亞州 洛杉磯县': a city or state written
    right before a unit it holds only says where that unit is; the unit is
    the party. So too before a unit's office or council ('加州聖地牙哥郡議會
    訪問團'): the state is no party there either."""
    ordered = sorted(spans, key=lambda s: s.start)
    places = [s for s in ordered if s.kind != "country"]
    for first, second in zip(places, places[1:]):
        # ('蘇澳鎮（台湾宜蘭県）': the county in brackets after its township only locates it)
        if first.kind == second.kind == "taiwan" and first.place is not None and second.place is not None \
                and first.place.id.startswith(second.place.id + "-") and _BRACKET_PARENT.fullmatch(text, first.end, second.start):
            second.kind = "locator"
    for first, second in zip(ordered, ordered[1:]):
        if second.kind not in (first.kind, "org") or first.kind not in ("taiwan", "foreign") \
                or second.place is None or (text[first.end:second.start].strip() and not (
                    first.kind == "foreign" and _CITY_WORD.fullmatch(text, first.end, second.start))):
            continue  # ('仁川市江華郡': the city's own suffix may stand between)
        # (a metropolitan city before its district or county: '仁川廣域市江華郡', '首爾市江南區')
        if first.kind == "taiwan" and second.place.id.startswith(first.place.id + "-") or (
                first.kind == "foreign" and (first.place.level.value in _DIVISION_LEVELS or (
                    first.place.level is Level.CITY and second.place.level in (Level.DISTRICT, Level.COUNTY)))
                and second.place.country == first.place.country and second.place.admin1 == first.place.name):
            first.kind = "locator"


def same_name_same_place(text: str, spans: list[PlaceSpan]) -> None:
    """'日本島根縣松江市長…，松江市與嘉義市…': one written name is one place in a
    document, the one its country or division written right before placed
    (bare, '松江市' is Shanghai's Songjiang); a name read by its sound is
    found again where the text repeats it."""
    ordered = sorted(spans, key=lambda s: s.start)
    placed = {s.text: s.place for before, s in zip(ordered, ordered[1:]) if s.kind == "foreign" and s.place
              and before.kind in ("country", "locator") and not text[before.end:s.start].strip()}
    for s in ordered:
        if s.kind == "foreign" and s.text in placed and s.place is not None and s.place.id != placed[s.text].id:
            s.place = placed[s.text]
    # A name read by its sound after its state ('德州拉巴克市'), or a town read after its prefecture
    # ('熊本縣菊陽町'), is that place where the text writes it again alone ('並與拉巴克市續簽', '菊陽町是…').
    for s in ordered:
        if s.kind == "foreign" and {"transliteration", "provisional", "reading"} & set(s.notes) and len(s.text) >= 3:
            for m in re.finditer(re.escape(s.text), text):
                if not any(o.start < m.end() and m.start() < o.end for o in spans):
                    spans.append(PlaceSpan(m.start(), m.end(), s.text, "foreign", place=s.place, notes=["propagated"]))
    # A name written with its unit and then without, joined to a Taiwanese place ('沖繩縣石垣市…',
    # then '蘇澳與石垣自84年9月締結'): the same place, its unit dropped as one drops 鎮 from 蘇澳鎮.
    home = [s for s in spans if s.kind == "taiwan"]
    for s in ordered:
        stem = s.text[:-1]
        if s.kind != "foreign" or s.place is None or len(stem) < 2 or s.text[-1] not in _UNITS:
            continue
        for m in re.finditer(re.escape(stem), text):
            if not any(o.start < m.end() and m.start() < o.end for o in spans) and any(
                    _JOINED.fullmatch(text[min(h.end, m.end()):max(h.start, m.start())]) for h in home):
                spans.append(PlaceSpan(m.start(), m.end(), stem, "foreign", place=s.place, notes=["propagated"]))


_UNITS = frozenset("市町村縣県郡州")
_JOINED = re.compile(r"\s*(?:與|与|和|及|跟|、|と|や)\s*")


def document_country(spans: list[PlaceSpan], gaz, home: str | None = None) -> None:
    """'蘇澳鎮與松江市…' in a story that names Japan and no other foreign
    country: a name with no country of its own before it is of the one the
    story names, where it has a place there (Matsue, not Shanghai's
    Songjiang). A Japanese page's own places stay Japanese ('高山市' beside
    '中国昆明市' is Takayama)."""
    named = {s.country for s in spans if s.kind == "country" and s.country and s.country != "TW"}
    if len(named) != 1:
        return
    [country] = named
    ordered = sorted(spans, key=lambda s: s.start)
    for before, s in zip([None, *ordered], ordered):
        if s.kind != "foreign" or s.place is None or s.place.country in (country, "TW", home) or s.notes \
                or (before is not None and before.end == s.start and before.kind in ("country", "locator", "foreign")):
            continue
        there = [p for p in gaz.foreign_lookup(fold_characters(s.text), country) if p.level is s.place.level]
        if there:
            s.place = there[0]


# Names from these countries are written in their own characters, not by sound.
_NOT_BY_SOUND = frozenset({"JP", "KR", "KP", "CN", "TW", "HK", "MO"})


def _heard(world, text: str, start: int, end: int, division: Place) -> PlaceSpan | None:
    """A unit written by sound after its division ('俄亥俄州 瑞奇蘭郡')."""
    if division.country in _NOT_BY_SOUND:
        return None
    while start < end and (text[start].isspace() or text[start] in "邦州省"):
        start += 1
    capital = text.startswith("首府", start)  # ('愛達荷州首府波夕市長': the mayor of the state's capital)
    start += 2 * capital
    written = text[start:end]
    # '加州台裔市長': the 市 of a mayor, not of a city; a name of three sounds before it is one
    # ('奧克拉荷馬州塔爾薩市長': Tulsa's mayor)
    if (text[end:end + 1] in ("長", "长") and not capital and len(written) < 4) or len(written) < 3:
        return None
    levels = (Level.COUNTY,) if written[-1] in "郡縣县" and division.country == "US" else (
        (Level.CITY,) if written[-1] in "市城" else ())
    place = by_sound(world, written, division.country, division.name, levels)
    if place is None:
        return None
    return PlaceSpan(start, end, written, "foreign", place=place, notes=["transliteration"])



# '臺中市長盧秀燕' … '盧市長於24日與沙加緬度市長簽署': a head named by surname and
# title speaks for the government whose head the text named in full before.
_TITLE = r"(?:市長|市长|縣長|县长|知事|區長|区长|鄉長|乡长|鎮長|镇长|町長|村長|郡長|州長|州长)"
_NAMED_AFTER = re.compile(rf"(?:長|长|{_TITLE})\s*([\u4e00-\u9fff]{{2,3}})")  # ('市長盧秀燕', '知事木村敬')
_NAMED_BEFORE = re.compile(rf"[のの]?([\u4e00-\u9fff]{{3}}){_TITLE}")  # ('台南市の黄偉哲市長')
_SPEAKS = r"(?=\s*(?:說|说|表示|指出|強調|强调|提到|認為|认为|期待|希望))"
_SHORT_HEAD = re.compile(rf"([\u4e00-\u9fff]){_TITLE}")
_BEFORE_HEAD = frozenset("與与和及由並并也、的於于对對向請请，。：「（(\n ")


def heads_by_surname(text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """Spans for '盧市長' where the text named '臺中市長盧秀燕' (one place per
    surname; two heads sharing one name no one), in sentences that do not
    name a government of that side themselves."""
    heads: dict[str, set] = {}
    full: dict[str, set] = {}  # ('竹北市長鄭朝方' … '鄭朝方說，未來也希望與…締盟': the head speaking for his town)
    places = {}
    for s in spans:
        if s.kind not in ("taiwan", "foreign") or s.place is None:
            continue
        m = _NAMED_AFTER.match(text, s.end - 1 if s.text[-1] in "市縣县區区鄉乡鎮镇町村郡州" else s.end) \
            or _NAMED_BEFORE.match(text, s.end)
        if m:
            heads.setdefault(m.group(1)[0], set()).add(s.place.id)
            places[s.place.id] = s
            if _NAMED_AFTER.match(text, s.end - 1 if s.text[-1] in "市縣县區区鄉乡鎮镇町村郡州" else s.end):
                full.setdefault(m.group(1), set()).add(s.place.id)
    out = []
    for name, owner in full.items():
        for m in re.finditer(re.escape(name) + _SPEAKS, text):
            if len(owner) != 1 or (m.start() and text[m.start() - 1] not in _BEFORE_HEAD) \
                    or any(s.start < m.end() and m.start() < s.end for s in spans):
                continue
            place = places[next(iter(owner))]
            start, end = sentence_bounds(text, m.start(), m.end())
            if not any(s.is_side and start <= s.start < end and (s.place.country == "TW") == (place.place.country == "TW")
                       for s in spans):
                out.append(PlaceSpan(m.start(), m.start() + len(name), name, place.kind, place=place.place, notes=["head"]))
    for m in _SHORT_HEAD.finditer(text):
        owner = heads.get(m.group(1), set())
        if len(owner) != 1 or (m.start() and text[m.start() - 1] not in _BEFORE_HEAD) \
                or any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        place = places[next(iter(owner))]
        start, end = sentence_bounds(text, m.start(), m.end())
        if any(s.is_side and start <= s.start < end
               and (s.place.country == "TW") == (place.place.country == "TW") for s in spans):
            continue  # the sentence names that side itself: the head fills only a side left unsaid
        out.append(PlaceSpan(m.start(), m.end(), m.group(0), place.kind, place=place.place, notes=["head"]))
    return out
