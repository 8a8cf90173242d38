"""Taiwan's local governments, today's and the former ones, from data/taiwan.tsv.

Each row becomes a ``TaiwanEntry``: the ``Place`` plus every surface form a
text may use for it. Rules for the forms:

* English: the written name and aliases, plus level variants of each bare name
  (``Taipei`` -> ``Taipei City``, ``Taipei Municipality``; ``Changhua`` ->
  ``Changhua County``; ``Xinyi`` -> ``Xinyi District``; ``Lanyu`` -> ``Lanyu
  Township``). A bare name, written or not (``Hualien``), belongs to the
  highest-ranked current unit that has it (see ``_RANK``); the others keep only
  the suffixed forms (``Hualien City``). Units of equal rank share a bare name (``Xinyi`` is a
  Taipei district, a Keelung district and a Nantou township); the caller
  tells them apart by context. Direction names (``East District``) never get
  a bare form.
* Chinese: ``name_zh``, Chinese aliases, each also with 臺 written 台, and the
  short form without the last character (臺北市 -> 臺北, 長治鄉 -> 長治). A short
  form goes to the highest-ranked unit that has it, only when that unit is the
  only one of its rank, it has at least two characters and it is not in
  ``_SHORT_STOP``. Former units (rows with a successor) get no generated forms.
  The aliases hold the press's two-character forms of the cities and
  counties (北市, 北市府, 高市, 竹縣...), as Taiwanese newspapers write them.
* An alias marked ``~`` is a misspelling seen in print ('~Shinlin'): it finds
  the unit, and the unit is reported by its name, where a romanisation in
  use ('Changjhih', Tongyong Pinyin) is reported as the text writes it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractors.gazetteer.names import GENERIC_WORDS, fold
from models.errors import ConfigError
from models.records import Level, Place

DEFAULT_PATH = Path(__file__).parent / "data" / "taiwan.tsv"
COLUMNS = ("id", "level", "name", "name_zh", "parent", "aliases", "successor", "valid_until")

# Suffix words each level takes in English.
_SUFFIXES: dict[Level, tuple[str, ...]] = {
    Level.SPECIAL_MUNICIPALITY: ("City", "Municipality"),
    Level.COUNTY_CITY: ("City",),
    Level.COUNTY: ("County",),
    Level.COUNTY_ADMINISTERED_CITY: ("City",),
    Level.DISTRICT: ("District",),
    Level.TOWNSHIP: ("Township", "Town"),  # ("Puli Town": an urban township, 鎮, as English often writes it)
    Level.PROVINCE: ("Province",),
}
# Who owns a bare name shared across levels. Provincial cities rank above
# counties on purpose: news writes plain "Hsinchu" / "Chiayi" (新竹, 嘉義) for
# the cities and "Hsinchu County" / "Chiayi County" for the counties. Those
# are the only two city/county pairs sharing a name, so this is the exception.
_RANK = {
    Level.SPECIAL_MUNICIPALITY: 5,
    Level.COUNTY_CITY: 4,
    Level.COUNTY: 3,
    Level.COUNTY_ADMINISTERED_CITY: 2,
    Level.DISTRICT: 1,
    Level.TOWNSHIP: 1,
    Level.PROVINCE: 0,
}
_DIRECTIONS = frozenset({"east", "west", "south", "north", "central"})
_ZH_SUFFIXES = "市縣區鄉鎮"
# Short forms that are everyday words or well-known places elsewhere
# (Japan, China), too risky to match on their own.
_SHORT_STOP = frozenset(
    """和平 太平 成功 光復 復興 新興 安定 將軍 獅子 牡丹 春日 大樹 山上 大內 觀音 淡水
    布袋 水上 中西 新市 公館 銅鑼 三星 田中 琉球 關西 松山 岡山 板橋 美濃 清水 石岡
    大村 瑞穗 長濱 竹田 池上 泰山 泰安 三峽 吉安 西湖 萬里 八德 新城 新屋 北門
    石門 大城 三民 永安 桃源 彌陀""".split()
)


@dataclass(frozen=True, slots=True)
class TaiwanEntry:
    place: Place
    names: tuple[str, ...]  # English surface forms
    native_names: tuple[str, ...]  # Chinese surface forms
    parent: str | None
    successor: str | None  # today's government, for former units
    valid_until: dt.date | None  # first day the unit no longer existed
    misspellings: tuple[str, ...] = ()  # aliases marked '~': found, reported under ``place.name``


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def _parse(path: Path) -> list[tuple[int, dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ConfigError(f"{path}:1", [f"header must be {' '.join(COLUMNS)} (tab-separated)"])
    rows, errors, seen = [], {}, {}
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(COLUMNS):
            errors[no] = [f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}"]
            continue
        row = dict(zip(COLUMNS, cells))
        problems = errors.setdefault(no, [])
        if not row["id"]:
            problems.append("column id: missing")
        elif row["id"] in seen:
            problems.append(f"column id: {row['id']!r} already used on line {seen[row['id']]}")
        seen.setdefault(row["id"], no)
        if row["level"] not in {lv.value for lv in _SUFFIXES}:
            problems.append(f"column level: unknown level {row['level']!r}")
        for col in ("name", "name_zh"):
            if not row[col]:
                problems.append(f"column {col}: missing")
        if row["valid_until"]:
            try:
                dt.date.fromisoformat(row["valid_until"])
            except ValueError:
                problems.append(f"column valid_until: {row['valid_until']!r} is not an ISO date")
        if bool(row["successor"]) != bool(row["valid_until"]):
            problems.append("columns successor, valid_until: both for a former unit, else neither")
        rows.append((no, row))
    current = {r["id"] for _, r in rows if not r["successor"]}
    for no, row in rows:
        if row["parent"] and row["parent"] not in seen:
            errors[no].append(f"column parent: unknown id {row['parent']!r}")
        elif row["parent"] and not row["successor"] and row["parent"] not in current:
            errors[no].append(f"column parent: {row['parent']!r} is a former unit")
        if row["successor"] and row["successor"] not in current:
            errors[no].append(f"column successor: {row['successor']!r} is not a current unit's id")
    bad = {no: probs for no, probs in errors.items() if probs}
    if bad:
        first = min(bad)
        problems = [f"line {no}: {p}" for no in sorted(bad) for p in bad[no]]
        raise ConfigError(f"{path}:{first}", problems)
    return rows


def _english_forms(row: dict[str, str], level: Level) -> tuple[list[str], list[str]]:
    """(forms always kept, bare names subject to ownership)."""
    kept, bare = [], []
    suffixes = _SUFFIXES[level]
    for text in [row["name"], *(a.strip().lstrip("~") for a in row["aliases"].split("|"))]:
        if not text or _is_cjk(text):
            continue
        words = text.split()
        if len(words) > 1 and words[-1].casefold() in {s.casefold() for s in suffixes}:
            kept.append(text)
            base = " ".join(words[:-1])
        elif words[-1].casefold() in GENERIC_WORDS or "of" in {w.casefold() for w in words[1:-1]}:
            kept.append(text)  # "Orchid Island", "Matsu Islands", "Province of Taiwan": as written
            continue
        else:
            base = text
        kept.extend(f"{base} {s}" for s in suffixes)
        # Taiwan Province is never bare 'Taiwan': that is the country.
        if level is not Level.PROVINCE and not set(fold(base).split()) <= _DIRECTIONS:
            bare.append(base)
    return kept, bare


def _owners(claims: dict[str, list[tuple[int, str]]], shared: bool) -> dict[str, set[str]]:
    """Key -> ids that own it: the highest rank; ties go to all when ``shared``."""
    out = {}
    for key, claimants in claims.items():
        top = max(rank for rank, _ in claimants)
        ids = {pid for rank, pid in claimants if rank == top}
        if shared or len(ids) == 1:
            out[key] = ids
    return out


def _with_tai(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for n in names for v in (n, n.replace("臺", "台"))))


def _build(path: Path) -> list[TaiwanEntry]:
    rows = _parse(path)
    english, bare_claims, short_claims, shorts = {}, defaultdict(list), defaultdict(list), {}
    for _, row in rows:
        if row["successor"]:
            continue
        level, rid = Level(row["level"]), row["id"]
        kept, bare = _english_forms(row, level)
        english[rid] = (kept, bare)
        for b in bare:
            bare_claims[fold(b)].append((_RANK[level], rid))
        short = row["name_zh"][:-1] if row["name_zh"][-1] in _ZH_SUFFIXES else ""
        if len(short) >= 2 and short not in _SHORT_STOP:
            shorts[rid] = short
            short_claims[fold(short)].append((_RANK[level], rid))
    bare_owner = _owners(bare_claims, shared=True)
    short_owner = _owners(short_claims, shared=False)
    names_by_id = {r["id"]: r["name"] for _, r in rows}
    entries = []
    for _, row in rows:
        rid = row["id"]
        aliases = [a.strip().lstrip("~") for a in row["aliases"].split("|") if a.strip()]
        misspelt = tuple(a.strip()[1:] for a in row["aliases"].split("|") if a.strip().startswith("~"))
        if row["successor"]:
            names = [row["name"], *(a for a in aliases if not _is_cjk(a))]
        else:
            kept, bare = english[rid]
            allowed = {*kept, *(b for b in bare if rid in bare_owner.get(fold(b), ()))}
            names = [n for n in (row["name"], *kept, *bare) if n in allowed]
        native = [row["name_zh"], *(a for a in aliases if _is_cjk(a))]
        if rid in shorts and rid in short_owner.get(fold(shorts[rid]), ()):
            native.append(shorts[rid])
        place = Place(
            id=rid,
            name=row["name"],
            country="TW",
            level=Level(row["level"]),
            admin1=names_by_id.get(row["parent"]) if row["parent"] else None,
            native=row["name_zh"],
        )
        until = dt.date.fromisoformat(row["valid_until"]) if row["valid_until"] else None
        entries.append(
            TaiwanEntry(
                place=place,
                names=tuple(dict.fromkeys(names)),
                native_names=_with_tai(native),
                parent=row["parent"] or None,
                successor=row["successor"] or None,
                valid_until=until,
                misspellings=misspelt,
            )
        )
    return entries


@functools.cache
def _load_default() -> tuple[TaiwanEntry, ...]:
    return tuple(_build(DEFAULT_PATH))


def load_taiwan(path: Path | None = None) -> list[TaiwanEntry]:
    """Every row of the Taiwan gazetteer; the default file is parsed once per process."""
    if path is None or Path(path) == DEFAULT_PATH:
        return list(_load_default())
    return _build(Path(path))
