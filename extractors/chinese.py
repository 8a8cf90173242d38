"""Chinese-language texts: the same extraction on a character-segmented doc.

spaCy's ``zh`` language with its character segmenter needs no downloaded
data; a sentencizer splits on Chinese punctuation. ``citypairs_places_zh``
finds places by longest match against every Chinese name the gazetteers hold
(Taiwan's table, the world index's Chinese and Japanese names) and countries by
name; ``citypairs_partnerships`` runs unchanged: its cues, dates and themes cover Chinese.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractors.page_owner  # noqa: F401  (registers the factory)
import extractors.partnerships  # noqa: F401  (registers the factory)
import extractors.segmentation  # noqa: F401  (registers the component)
from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.gazetteer.names import fold_characters, fold_core
from extractors.cjk_extra_names import (NAME_BOUNDARY, document_country, heads_by_surname, latin_names, locate_unknown_towns,
                                        one_kanji_city, parents_locate, read_municipality, same_name_same_place,
                                        sibling_after, town_after, town_in_gun)
from extractors.cjk_orgs import (COUNCIL_APPROVES as _COUNCIL_APPROVES, FACILITY_OF as _FACILITY_OF,
                                 MISSION_AFTER as _MISSION_AFTER, OFFICE_AHEAD as _OFFICE_AHEAD,
                                 OFFICE_BEFORE as _OFFICE_BEFORE, ORG_AFTER as _ORG_AFTER, ROUTE_END as _ROUTE_END,
                                 STATIONED as _STATIONED)
from extractors.datelines import is_dateline
from extractors.gazetteer.cjk_index import cjk_keys, cjk_names
from extractors.foreign_units import county_of, namesake_in, province_of, state_county
from extractors.place_cues import TERRITORIES
from extractors.place_resolve import _provisional
from extractors.places import PlaceSpan
from extractors.segmentation import text_of
from extractors.venues import venues_among_parties
from models.records import Level, Place

MAX_NAME = 10
SENTENCE_ENDS = ["。", "！", "？", "!", "?", "；", ";"]
# "巴士底市(Basseterre)": the Latin name given beside the Chinese one; the
# Chinese name starts after the last word that cannot belong to it.
_GLOSSED = re.compile(r"([^\s與和及、的之是為在國都，,。(（)）|｜]{2,8}[市縣县県州省町村郡区區])\s*[（(]\s*([A-Z][A-Za-z .'-]+)\s*[)）]")
_SUFFIXES = frozenset("市县縣町村州省区區郡府都道")
_SIDE = frozenset("對对雙双地")  # (before 方: '對方', '雙方', '地方')
GLOSS_COUNTRY_CHARS = 16  # how far before a glossed name its country is looked for
# Words GeoNames lists as Chinese names of places (自由 for Freetown, 勝利 for Dongying, 友好区 for Youhao)
# that a text means as words ('對自由與民主的信念', '友好区協定').
_COMMON_WORDS = frozenset({"自由", "勝利", "胜利", "友好區", "友好区"})
# 'both cities', 'the same city', 'each county': words pointing back to places named ('両市町は', '同市と'), never Liangshi.
_BACK_REFERENCES = frozenset({"両市", "兩市", "两市", "両県", "兩縣", "两县", "両町", "両村", "同市", "同県", "同縣",
                              "同县", "同町", "同村", "各市", "各縣", "各县", "全市", "全県", "全縣", "該市", "该市", "此市"})
# 'this town', 'this city': a page speaking of itself (extractors/page_owner.py), not 本町 (Honchō).
_SELF_WORDS = frozenset({"本町", "本市", "当市", "當市", "本村", "当町", "当村", "本県", "当県", "本縣", "本區", "本区", "本鄉", "本鎮"})
# '東京ビッグサイトで': a name run into a word in katakana is a building's.
_KATAKANA_AFTER = re.compile(r"(?!ホームページ|ウェブサイト|サイト|ページ)[\u30a1-\u30fa\u30fc]{3,}")  # ('…市ホームページ': the site)
# '從北海道搭機到名古屋': where a trip passes, not a party.
_ROUTE = re.compile(fold_characters(r"(?:搭機|搭乘|飛往|飛抵|出發|啟程|轉往|轉機|前往)"))
_FROM = re.compile(fold_characters(r"(?:從|自)[^，。,、]{0,4}$"))
# '在奧地利維也納舉行的世界城市高峰會': where a meeting is held.
_MEETING_AFTER = re.compile(fold_characters(
    r"[^，。,、]{0,3}?(?:舉行|舉辦|召開|開催)(?:的|之|される|された)[^，。,、]{0,20}?"
    r"(?:峰會|論壇|會議|年會|大會|博覽會|展覽|サミット|フォーラム|会議)"))
_WITH_AFTER = re.compile(r"(?:與|与|和|跟|同)")
_CITY_TIES_AFTER = re.compile(fold_characters(r"(?:的|之)?(?:姊妹|姐妹|友好)(?:城)?市"))
# '富里郷の江東成郷長': a bare name run into a given name and a title is a person's.
# ('高雄陳市長' is the mayor of Kaohsiung: a city's own title is left out.)
_PERSON_AFTER = re.compile(r"[\u4e00-\u9fff](?:郷長|鄉長|町長|村長|區長|区長|知事|議長)")


def _is_kanji(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@Language.factory("citypairs_places_zh", default_config={"cache_dir": "data/processed/cache"},
                  assigns=["doc._.places"])
def make_places_zh(nlp: Language, name: str, cache_dir: str) -> "ChinesePlaceFinder":
    return ChinesePlaceFinder(load_gazetteer(Path(cache_dir)), lang=nlp.lang)


class ChinesePlaceFinder:
    def __init__(self, gazetteer: Gazetteer, lang: str = "zh"):
        self.gaz = gazetteer
        # A Japanese page's kanji name with no country before it is a Japanese place first ('松江市' is Matsue).
        self.home = "JP" if lang == "ja" else None
        self.taiwan = {fold_characters(k): v for k, v in gazetteer.taiwan_surface_forms().items()
                       if not k.isascii()}
        self.world = cjk_names(gazetteer.world)
        self.stems = cjk_keys(gazetteer.world)

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.find(text_of(doc))
        # A page that calls itself only 本村 names itself in its title (extractors/page_owner.py).
        # A publisher that is a government by its name alone ('八代市 (city.yatsushiro.lg.jp)') closes the
        # title as a site's name would.
        outlet = _GOVERNMENT_OUTLET.match(re.sub(r"\s*[(（].*$", "", doc._.outlet or "").strip())
        if outlet and outlet.group(0) not in (doc._.title or ""):
            doc._.title = f"{doc._.title or ''}｜{outlet.group(0)}"
        doc._.title_places = self.find(doc._.title) if doc._.title else []
        return doc

    def find(self, original: str) -> list[PlaceSpan]:
        text = fold_characters(original)
        spans: list[PlaceSpan] = self._glossed(original)
        glossed = {s.start for s in spans}
        i = 0
        while i < len(text):
            if i in glossed:
                i = next(s.end for s in spans if s.start == i)
                continue
            found = self._match(original, text, i, spans)
            if found is None:
                town = town_after(original, i, spans, self.gaz.world) or town_in_gun(original, i, self.gaz.world) \
                    or sibling_after(original, i, spans, self.gaz)
                if town is None:
                    i += 1
                    continue
                found = town
            # ('美國某郡': some county, unnamed; '對方城市', '地方城市': the other side's, a local city)
            if found.text in _SELF_WORDS or found.text in _COMMON_WORDS or found.text[:2] in _BACK_REFERENCES \
                    or found.text[0] == "某" or (found.text[0] == "方" and original[found.start - 1:found.start] in _SIDE):
                i = found.end
                continue
            if (_ORG_AFTER.match(text, found.end) and not _COUNCIL_APPROVES.match(text, found.end)) \
                    or _OFFICE_BEFORE.search(text[max(0, found.start - 3):found.start]) \
                    or _FACILITY_OF.match(text, found.end) or _ROUTE_END.match(text, found.end) \
                    or (_is_kanji(found.text[-1]) and found.kind != "country" and _KATAKANA_AFTER.match(text, found.end)) or (
                    text[found.start - 1:found.start] == _STATIONED and _OFFICE_AHEAD.match(text, found.end)):
                # '駐休士頓台北經濟文化辦事處': where an office sits is part of its name.
                found.kind = "org"  # 駐福岡辦事處, 高雄市議會: an office, not the city
                if _MISSION_AFTER.match(text, found.end) or _OFFICE_BEFORE.search(text[max(0, found.start - 3):found.start]) \
                        or text[found.start - 1:found.start] == _STATIONED:
                    # '代表處札幌分處促成下': where Taiwan's mission sits acts for no one there
                    found.kind = "office"
            elif found.kind == "foreign" and found.place.level is Level.STATE and (
                    _CITY_TIES_AFTER.match(text, found.end) or text[found.start - 1:found.start] == "在"):
                # '新北與加州姊妹市互訪', '在美國加州的姊妹市': sister cities in California, a state is
                # no city; '其中有13個就在加州': where they are.
                found.kind = "locator"
            elif found.kind == "foreign" and (_MEETING_AFTER.match(text, found.end) or (
                    _ROUTE.match(text, found.end) and _FROM.search(text[max(0, found.start - 5):found.start])) or (
                    text[found.start - 1:found.start] == "在" and _WITH_AFTER.match(text, found.end))):
                found.kind = "venue"  # ('今天在東京與東京都豐島區長簽署': where the signing took place)
            elif (found.text[-1] not in _SUFFIXES and _PERSON_AFTER.match(original, found.end)) or (
                    found.text[-1] == "市" and original[found.end:found.end + 1] == "長" and found.kind == "foreign"
                    and found.place.country == "JP" and 0 < (found.place.population or 0) < 5000):
                found.kind = "person"  # ('大西市長': Mayor Ōnishi; no city of Japan is so small)
            elif found.kind in ("taiwan", "foreign") and is_dateline(original, found.start, found.end):
                found.kind = "dateline"  # 洛杉磯25日電: where the story was filed
            spans.append(found)
            i = found.end
        spans.extend(latin_names(original, spans, self.gaz))
        locate_unknown_towns(original, spans, self.gaz.world)
        _short_references(spans)
        parents_locate(original, spans)
        same_name_same_place(original, spans)
        document_country(spans, self.gaz, self.home)
        venues_among_parties(original, spans)
        spans.extend(heads_by_surname(original, spans))
        _mayors_by_surname(original, spans)
        return sorted(spans, key=lambda s: s.start)

    def _glossed(self, original: str) -> list[PlaceSpan]:
        """'克國首都巴士底市(Basseterre)': the name before a Latin gloss, looked up by the gloss."""
        out, names = [], {}
        for m in _GLOSSED.finditer(original):
            start, name = m.start(1), m.group(1)
            for n in range(len(name) - 1, 1, -1):  # '菲律賓馬卡蒂市': the country is not the name
                if self.gaz.world.country_code(name[:n]):
                    start, name = start + n, name[n:]
                    break
            if fold_characters(name) in self.taiwan or any(
                    (p := self.gaz.table.chinese(name[k:])) is not None and fold_core(p.name) == fold_core(m.group(2))
                    for k in range(len(name) - 1)):
                continue  # '新店区 (Xindian District)', '華盛頓州金郡（King County）': read as written, below
            place = self._gloss_place(original, start, m.group(2))
            if place is not None:
                out.append(PlaceSpan(start, start + len(name), name, "foreign", place=place))
                names[name] = place
        # The same Chinese name elsewhere (a headline) is the same place.
        for name, place in names.items():
            for m in re.finditer(re.escape(name), original):
                if not any(s.start < m.end() and m.start() < s.end for s in out):
                    out.append(PlaceSpan(m.start(), m.end(), name, "foreign", place=place))
        return out

    def _gloss_place(self, original: str, start: int, gloss: str) -> Place | None:
        """The place a Latin gloss names: the table's entry ('Mili Atoll'),
        else a place of exactly that name, else any the gazetteer offers; a
        gloss it does not know ('Bratislava Old Town') is a provisional place
        in the country written shortly before."""
        listed = self.gaz.table.english(gloss)
        if listed is not None:
            return listed
        candidates = self.gaz.foreign_lookup(gloss)
        exact = [p for p in candidates if fold_core(p.name) == fold_core(gloss)]
        if exact or candidates:
            return (exact or candidates)[0]
        country = self._country_before(original, start)
        return _provisional(gloss, country) if country else None

    def _country_before(self, original: str, start: int) -> str | None:
        """A country named within a few characters before ``start``
        ('斯洛伐克首都布拉提斯拉瓦舊城區')."""
        for end in range(start, max(0, start - GLOSS_COUNTRY_CHARS), -1):
            for n in range(2, 6):
                code = self.gaz.world.country_code(original[max(0, end - n):end]) if end - n >= 0 else None
                if code:
                    return code
        return None

    def _match(self, original: str, text: str, i: int, before: list[PlaceSpan]) -> PlaceSpan | None:
        if original[i].isspace():
            return None  # a name starts at a character (the table folds spaces away: '\n聖地牙哥' would match)
        fallback = None  # ('韓國高陽市': a provisional place, where no shorter name starting here is known)
        for n in range(min(MAX_NAME, len(text) - i), 1, -1):
            chunk = text[i:i + n]
            written = original[i:i + n]
            if not chunk[-1].isalnum() or (chunk[-1] == "州" and text[i + n:i + n + 1] in ("長", "长")):
                continue  # ('麻州，', '麻州州長': the state, then a stop or its governor's title)
            if before and before[-1].end == i and before[-1].kind != "taiwan" and before[-1].place is not None and (
                    inner := self.gaz.table.chinese_in(chunk, before[-1].place.name)) is not None:
                return PlaceSpan(i, i + n, written, "foreign", place=inner)  # '首爾市江南區', '釜山市南區'
            entries = self.taiwan.get(chunk)
            if entries and n == 2 and i and (text[i - 1:i + 2] in self.world or (
                    chunk in _DIRECTION_DISTRICTS and _is_kanji(original[i - 1]) and original[i - 1] not in _BEFORE_NAME)):
                entries = None  # '韓國河南市' (Hanam), '首爾市江南區': a Taiwanese short name inside a longer one
            if entries:
                # ('台南市東區': the East District of the city written right before, not Taichung's)
                prev = before[-1].place if before and before[-1].end == i and before[-1].kind == "taiwan" else None
                entries = [e for e in entries if prev is not None and e.place.admin1 == prev.name] or entries
                entry = min(entries, key=lambda e: e.place.level.value != "special_municipality")
                return PlaceSpan(i, i + n, written, "taiwan", place=self.gaz.current(entry))
            # A stem plus a suffix ('嬉野' + '市') is taken only where a name can start: '卡蒂市' inside '馬卡蒂市' is not Kati.
            if _TITLE_BEFORE.search(original, max(0, i - 3), i):
                return None  # '石垣市長中山義隆': a name after a title is a person's
            listed = self.gaz.table.chinese(chunk, _country_before(before, i, original))
            if listed is not None and (division := _division_before(before)) and listed.admin1 not in (None, division):
                # '緬因州波特蘭市': the table's Portland is Oregon's; the state written before picks its own
                listed = next((p for p in self.gaz.foreign_lookup(listed.name, listed.country)
                               if p.admin1 == division and p.level is listed.level), listed)
            if listed is not None and (len(chunk) >= 3 or _starts_name(original, i, before)):
                if text[i + n:i + n + 1] == "省" and (province := province_of(self.gaz, listed)) is not None:
                    return PlaceSpan(i, i + n + 1, original[i:i + n + 1], "foreign", place=province)  # 宿霧省
                return PlaceSpan(i, i + n, written, "foreign", place=listed)
            if chunk[-1] in "郡縣县" and n >= 3 and (county := state_county(self.gaz, chunk, _division_before(before))) is not None:
                return PlaceSpan(i, i + n, written, "foreign", place=county)
            if chunk[-1] == "都" and text[i + n:i + n + 1] == "市":
                continue  # '友好都市', '港湾都市': the word for a city, not a capital named 友好
            if chunk[0] == "都" and original[i - 1:i] == "首":
                return None  # '首都城市' (capital city) holds no Miyakonojō
            known = chunk in self.world or (
                chunk[-1] in _SUFFIXES and (len(chunk) >= 3 or one_kanji_city(chunk, original, i + n, before))
                and chunk[:-1] in self.stems and _starts_name(original, i, before)
                # ('東京都府中市': 東京都 already has its unit; 府 starts Fuchū)
                and not (chunk[-2] in _SUFFIXES and chunk[:-2] in self.stems))
            if not known:
                town = read_municipality(self.gaz.world, written) if _starts_name(original, i, before) else None
                if town is not None:
                    return PlaceSpan(i, i + n, written, "foreign", place=town, notes=["reading"])
                if fallback is None and (unknown := self._after_country(chunk, written, i, before)) is not None:
                    fallback = PlaceSpan(i, i + n, written, "foreign", place=unknown, notes=["provisional"])
                continue
            code = self.gaz.world.country_code(chunk)
            if code:
                return PlaceSpan(i, i + n, written, "country", country=code)
            hint = _country_before(before, i, original)
            # '法國凡爾賽市' where the name table knows only a Versailles in the
            # US: better no place than one in a country the text did not name
            # (a US territory after 美國 excepted).
            candidates = (self.gaz.foreign_lookup(chunk, self.home) if hint is None and self.home else []) or \
                self.gaz.foreign_lookup(chunk, hint) or (namesake_in(self.gaz, chunk, hint) if hint else []) or [
                p for p in self.gaz.foreign_lookup(chunk)
                if hint in (None, "TW") or (hint == "US" and p.country in TERRITORIES)] or (
                # ('日本岐阜縣關市': GeoNames files Seki's kanji without its 市)
                self.gaz.foreign_lookup(chunk[:-1], "JP") if hint == "JP" and chunk[-1] in "市町村" else [])
            if not candidates and fallback is None \
                    and (unknown := self._after_country(chunk, written, i, before)) is not None:
                fallback = PlaceSpan(i, i + n, written, "foreign", place=unknown, notes=["provisional"])
                continue
            if candidates:
                division = _division_before(before)  # ('緬因州波特蘭市': Maine's Portland, not Oregon's)
                place = next((p for p in candidates if division and p.admin1 == division and not (  # (not 山形縣 after 山形縣)
                    chunk[-1] in "縣県县" and p.level is Level.CITY)), candidates[0])
                if division and place.admin1 != division and chunk[-1] in "町村" and place.country == "JP":
                    continue  # '鹿兒島縣大和村' is no Yamato of Kanagawa: the town of that prefecture, unknown here
                if chunk[-1] in "縣县郡" and place.level is not Level.COUNTY:
                    place = county_of(self.gaz, place, _division_before(before)) or place
                return PlaceSpan(i, i + n, written, "foreign", place=place)
        return fallback

    def _after_country(self, chunk: str, written: str, i: int, before: list[PlaceSpan]) -> Place | None:
        """'韓國高陽市': a city or county the name table lacks, written right
        after its foreign country, is a provisional place there."""
        last = before[-1] if before else None
        if not (last and last.kind == "country" and last.end == i and last.country not in (None, "TW")
                and _UNKNOWN_CITY.fullmatch(chunk)):
            return None
        if len(chunk) >= 4 and (chunk[1:] in self.world or self.gaz.foreign_lookup(chunk[1:], last.country)):
            return None  # '美國有西雅圖市': a word ('has') before a known name, not a town of its own
        return _provisional(written, before[-1].country)

_DIRECTION_DISTRICTS = frozenset({"东区", "西区", "南区", "北区", "中区"})  # (as fold_characters writes them)
_BEFORE_NAME = frozenset("市縣县鄉乡鎮镇與与和及在於于到赴至從从")
# Titles a person's name follows ('市長中山義隆', '大使Donya'): what comes next is
# a name, even where it reads like a place.
# Two to four characters and the unit of a city or county, none of them a unit or a joining word.
_GOVERNMENT_OUTLET = re.compile(r"[\u4e00-\u9fff]{1,8}[市町村県縣府鄉鎮區乡镇区](?:政府|役所|役場|公所)?$")
_UNKNOWN_CITY = re.compile(r"(?:(?![市縣县郡州省區区町村與与和及的之在姊姐妹友盟伴個个些城])[\u4e00-\u9fff]){2,4}[市郡]")  # (not '美國姊妹市', '日本多個城市')
_TITLE_BEFORE = re.compile(r"(?:[市縣县鎮镇鄉乡區区町村]長|市长|县长|知事|議員|议员|議長|主席|部長|局長|處長|大使|總統|委員)$")


def _mayors_by_surname(text: str, spans: list[PlaceSpan]) -> None:
    """'櫻井市長也感謝駐處牽線' in a story about Bibai: Chinese and Japanese
    name a mayor by surname and title, and many surnames are also the names
    of Japanese cities. A Japanese city written only ever right before 長,
    in a text that names another Japanese place as such, is a mayor (a
    surname has one or two characters: '宮古島市長' is Miyakojima's)."""
    japanese = [s for s in spans if s.kind == "foreign" and s.place is not None and s.place.country == "JP"]
    for span in japanese:
        if span.text[-1] not in "市町村" or text[span.end:span.end + 1] != "長" or len(span.text) > 3 \
                or any(o.end == span.start and o.kind in ("locator", "country") for o in spans):
            continue  # ('三重縣伊賀市長稲森稔尚': a city its prefecture places is the city)
        if any(text[m.end():m.end() + 1] != "長" for m in re.finditer(re.escape(span.text), text)):
            continue
        if any(o.place.id != span.place.id and text[o.end:o.end + 1] != "長" for o in japanese):
            span.kind = "person"


_NAME_AFTER = frozenset({"管内", "妹市", "好市", "城市", "都市"})


def _starts_name(text: str, i: int, before: list[PlaceSpan]) -> bool:
    if i == 0 or text[i - 1] in NAME_BOUNDARY or not ("\u4e00" <= text[i - 1] <= "\u9fff") or text[i - 2:i] in _NAME_AFTER:
        return True  # ('十勝管内本別町': a Hokkaido town after its subprefecture's area; '姊妹市德州': a partner named)
    return bool(before) and before[-1].end == i


def _division_before(spans: list[PlaceSpan]) -> str | None:
    """The first-level division named last, if it is the last place named."""
    last = spans[-1] if spans else None
    if last is None or last.place is None or last.place.level.value not in ("state", "province", "prefecture"):
        return None
    return last.place.name


def _short_references(spans: list[PlaceSpan]) -> None:
    """'南越前町' ... '越前町町長', '布拉提斯拉瓦舊城區' ... '舊城區': a later
    foreign name that ends a longer one named before is that place cut
    short, not a namesake elsewhere."""
    endings: dict[str, Place] = {}  # every proper ending of a name met so far -> its place
    for span in sorted(spans, key=lambda s: s.start):
        if span.kind != "foreign" or span.place is None:
            continue
        core = span.text.removesuffix("市") if len(span.text) > 3 else span.text
        full = endings.get(core)
        if full is not None and len(core) >= 2 and full.id != span.place.id:
            span.place = full
        for k in range(1, len(span.text) - 1):
            endings[span.text[k:]] = span.place


# "斯洛伐克首都舊城區", "韓国・始興市": words between a country and a place inside it.
_INSIDE_WORDS = frozenset({"首都", "首府", "的", "之", "・", "の"})


def _country_before(spans: list[PlaceSpan], i: int, text: str = "") -> str | None:
    """'日本松山市', '日本佐賀縣嬉野市', '斯洛伐克首都舊城區': the country or
    prefecture right before."""
    if spans and (spans[-1].end == i or (text and text[spans[-1].end:i].strip(" \u3000") in _INSIDE_WORDS | {""})):
        last = spans[-1]
        return last.country if last.kind == "country" else (last.place.country if last.place else None)
    return None


@cache
def build_chinese_pipeline(cache_dir: str, scorer: str = "") -> Language:
    nlp = spacy.blank("zh")  # character segmentation: no model data needed
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    nlp.add_pipe("citypairs_lines")
    nlp.add_pipe("citypairs_inline_items")
    nlp.add_pipe("citypairs_places_zh", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_page_owner", config={"cache_dir": cache_dir})
    nlp.add_pipe("citypairs_partnerships", config={"scorer": scorer})
    return nlp
