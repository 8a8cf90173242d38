"""The foreign-places index: what a name finds, in what order, and the cache.

The index is built once for the module (about 15 s) into a temporary cache
directory; every other load in these tests reads that cache.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.gazetteer.names import fold
from extractors.gazetteer.world import (
    WorldIndex, _fold, _read, cache_file, index_keys, level_hint, load_world_index, split_suffix,
)
from models.records import Level

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("world-cache")


@pytest.fixture(scope="module")
def world(cache_dir: Path) -> WorldIndex:
    return load_world_index(cache_dir)


def first(world: WorldIndex, name: str, country: str | None = None):
    found = world.lookup(name, country)
    assert found, f"nothing for {name!r} ({country})"
    return found[0]


# -- cities, divisions, counties ------------------------------------------------
def test_a_capital_city(world):
    prague = first(world, "Prague")
    assert (prague.country, prague.level, prague.id[:3]) == ("CZ", Level.CITY, "gn:")
    assert prague.population > 1_000_000 and prague.admin1 == "Prague"


def test_a_generic_word_picks_the_level(world):
    kumamoto = first(world, "Kumamoto Prefecture")
    assert (kumamoto.id, kumamoto.name) == ("iso:JP-43", "Kumamoto")
    assert kumamoto.level is Level.PREFECTURE
    assert first(world, "Miyazaki Prefecture").id == "iso:JP-45"
    assert first(world, "Miyazaki-ken").id == "iso:JP-45"
    assert first(world, "Miyazaki City").level is Level.CITY
    assert first(world, "Miyazaki-shi").level is Level.CITY


def test_a_bare_ambiguous_name_gives_both_the_big_city_first(world):
    found = world.lookup("Miyazaki")
    assert [p.level for p in found[:2]] == [Level.CITY, Level.PREFECTURE]
    assert {p.country for p in found} == {"JP"}


def test_a_division_without_a_namesake_city_comes_first(world):
    selangor = first(world, "Selangor")
    assert (selangor.id, selangor.country, selangor.level) == ("iso:MY-10", "MY", Level.STATE)
    assert first(world, "Texas").id == "iso:US-TX"


def test_us_county(world):
    county = first(world, "Santa Clara County")
    assert (county.name, county.country, county.level) == ("Santa Clara County", "US", Level.COUNTY)
    assert county.id == "uscounty:06085" and county.admin1 == "California"
    # Without the word 'County' a city of that name wins.
    assert first(world, "Santa Clara").level is Level.CITY


def test_city_of_and_country_filter(world):
    houston = first(world, "Houston", "US")
    assert (houston.country, houston.admin1) == ("US", "Texas")
    assert houston.population > 2_000_000
    assert first(world, "City of Houston").id == houston.id
    assert all(p.country == "US" for p in world.lookup("Houston", "US"))


def test_the_country_decides_between_namesakes(world):
    in_canada = first(world, "Victoria", "CA")
    in_australia = first(world, "Victoria", "AU")
    in_seychelles = first(world, "Victoria", "SC")
    assert len({in_canada.id, in_australia.id, in_seychelles.id}) == 3
    assert in_canada.level is Level.CITY and in_canada.admin1 == "British Columbia"
    assert (in_australia.id, in_australia.level) == ("iso:AU-VIC", Level.STATE)
    assert in_seychelles.level is Level.CITY


def test_a_state_named_like_a_country(world):
    assert world.is_country("Georgia") and world.country_code("Georgia") == "GE"
    assert first(world, "Georgia", "US").id == "iso:US-GA"


def test_philippine_places(world):
    assert first(world, "Santa Maria", "PH").country == "PH"
    cebu_city = first(world, "Cebu City", "PH")
    assert (cebu_city.name, cebu_city.level) == ("Cebu City", Level.CITY)
    assert cebu_city.admin1 == "Central Visayas"
    cebu = world.lookup("Cebu", "PH")
    assert cebu[0].id == cebu_city.id
    assert any(p.id == "iso:PH-CEB" and p.level is Level.PROVINCE for p in cebu)


def test_accents_and_exonyms(world):
    lodz = first(world, "Łódź")
    assert (lodz.name, lodz.country) == ("Łódź", "PL")
    assert first(world, "Lodz").id == lodz.id
    assert lodz.admin1 == "Łódź Voivodeship"
    assert first(world, "Cracow").name == "Kraków"
    assert first(world, "St. Petersburg").country == "RU"
    assert first(world, "Bavaria").id == "iso:DE-BY"


def test_chinese_and_japanese_names(world):
    nago = first(world, "名護市")
    assert (nago.name, nago.country, nago.admin1) == ("Nago", "JP", "Okinawa")
    assert first(world, "名護").id == nago.id
    assert first(world, "熊本縣").id == "iso:JP-43"
    assert first(world, "坦佩雷").name == "Tampere"
    assert first(world, "休斯頓").name == "Houston"


def test_romanised_korean_and_chinese_divisions(world):
    assert first(world, "Gyeonggi-do").id == "iso:KR-41"
    assert first(world, "Gyeonggi Province").id == "iso:KR-41"
    assert first(world, "Zhejiang").id == "iso:CN-ZJ"
    assert first(world, "Busan").level is Level.CITY


def test_countries_are_never_places(world):
    assert world.lookup("Japan") == []
    assert world.lookup("日本") == []
    assert world.lookup("the Czech Republic") == []


def test_nothing_for_nonsense(world):
    assert world.lookup("Qwxzyv Flumpton") == []
    assert world.lookup("") == [] and world.lookup("  ") == []


# -- countries and demonyms ------------------------------------------------------
@pytest.mark.parametrize("name, code", [
    ("Japan", "JP"), ("the Czech Republic", "CZ"), ("Czechia", "CZ"), ("US", "US"),
    ("U.S.", "US"), ("the United States", "US"), ("America", "US"), ("Philippines", "PH"),
    ("the Philippines", "PH"), ("South Korea", "KR"), ("Korea", "KR"), ("Republic of Korea", "KR"),
    ("日本", "JP"), ("美國", "US"), ("臺灣", "TW"), ("ROC", "TW"), ("Mainland China", "CN"),
    ("Holland", "NL"), ("St. Kitts and Nevis", "KN"), ("Viet Nam", "VN"), ("JAPAN", "JP"),
    ("Japan's", "JP"), ("Lithuania", "LT"), ("瓜地馬拉", "GT"), ("Kosovo", "XK"),
])
def test_country_code(world, name, code):
    assert world.country_code(name) == code
    assert world.is_country(name)


@pytest.mark.parametrize("name", ["us", "in", "Texas", "Kumamoto", "Taipei", "Lithuanian"])
def test_not_a_country(world, name):
    assert world.country_code(name) is None and not world.is_country(name)


@pytest.mark.parametrize("word, code", [
    ("Japanese", "JP"), ("Lithuanian", "LT"), ("Filipino", "PH"), ("Philippine", "PH"),
    ("American", "US"), ("Americans", "US"), ("U.S.", "US"), ("Czech", "CZ"), ("Korean", "KR"),
    ("South Korean", "KR"), ("British", "GB"), ("Taiwanese", "TW"), ("Dutch", "NL"),
])
def test_demonym_country(world, word, code):
    assert world.demonym_country(word) == code


def test_not_a_demonym(world):
    assert world.demonym_country("us") is None
    assert world.demonym_country("Japan") is None


def test_admin1(world):
    assert world.admin1("JP", "47") == "Okinawa"  # GeoNames code
    assert world.admin1("JP", "JP-45") == "Miyazaki"  # ISO 3166-2 code
    assert world.admin1("us", "TX") == "Texas"
    assert world.admin1("JP", "99") is None


# -- name keys -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["İstanbul", "Łódź", "Kao-hsiung", "臺北市", "Ærøskøbing",
                                  "São Tomé", "Xi'an", "Ho Chi Minh City", "Straße", "Ǆemal"])
def test_fast_fold_is_fold(name):
    assert _fold(name) == fold(name)


def test_suffixes_and_hints():
    assert split_suffix("Miyazaki-ken") == ("Miyazaki", (Level.PREFECTURE,))
    assert split_suffix("名護市") == ("名護", (Level.CITY,))
    assert split_suffix("Porto") == ("Porto", ())
    assert split_suffix("Ho Chi Minh Do") == ("Ho Chi Minh Do", ())  # 'do' needs a hyphen
    assert level_hint("Santa Clara County") == {Level.COUNTY}
    assert level_hint("Houston") == frozenset()
    assert ("houston", 1) in index_keys("City of Houston")


# -- the cache -----------------------------------------------------------------------
def test_cache_is_written_once_and_read_in_a_fresh_process(world, cache_dir):
    path = cache_file(cache_dir)
    assert path.is_file() and path.stat().st_size < 40_000_000
    assert not list(cache_dir.glob("*.tmp"))
    assert load_world_index(cache_dir) is world  # memoised in-process
    names = ["Prague", "Kumamoto Prefecture", "名護市", "Santa Clara County", "Victoria"]
    script = (
        "import json, sys, time; from pathlib import Path; t = time.perf_counter();"
        "from extractors.gazetteer.world import load_world_index;"
        f"w = load_world_index(Path({str(cache_dir)!r}));"
        "took = time.perf_counter() - t;"
        f"print(json.dumps([took, [[p.id for p in w.lookup(n)] for n in {names!r}]]))"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                         check=True, timeout=120)
    took, ids = json.loads(out.stdout)
    assert ids == [[p.id for p in world.lookup(n)] for n in names]
    assert took < 10, f"reading the cache took {took:.1f} s"  # about 0.3 s in practice
    assert time.perf_counter() - started < 60


def test_an_unreadable_cache_counts_as_missing(tmp_path):
    bad = tmp_path / "world.pickle"
    bad.write_bytes(b"not a pickle")
    assert _read(bad) is None
    assert _read(tmp_path / "absent.pickle") is None
