"""The Taiwan gazetteer: what data/taiwan.tsv must hold and how it is read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from extractors.gazetteer.names import fold
from extractors.gazetteer.taiwan import COLUMNS, TaiwanEntry, load_taiwan
from models.errors import ConfigError
from models.records import Level

TOP_LEVEL = {
    "TW-TPE": Level.SPECIAL_MUNICIPALITY,
    "TW-NWT": Level.SPECIAL_MUNICIPALITY,
    "TW-TAO": Level.SPECIAL_MUNICIPALITY,
    "TW-TXG": Level.SPECIAL_MUNICIPALITY,
    "TW-TNN": Level.SPECIAL_MUNICIPALITY,
    "TW-KHH": Level.SPECIAL_MUNICIPALITY,
    "TW-KEE": Level.COUNTY_CITY,
    "TW-HSZ": Level.COUNTY_CITY,
    "TW-CYI": Level.COUNTY_CITY,
    "TW-HSQ": Level.COUNTY,
    "TW-MIA": Level.COUNTY,
    "TW-CHA": Level.COUNTY,
    "TW-NAN": Level.COUNTY,
    "TW-YUN": Level.COUNTY,
    "TW-CYQ": Level.COUNTY,
    "TW-PIF": Level.COUNTY,
    "TW-ILA": Level.COUNTY,
    "TW-HUA": Level.COUNTY,
    "TW-TTT": Level.COUNTY,
    "TW-PEN": Level.COUNTY,
    "TW-KIN": Level.COUNTY,
    "TW-LIE": Level.COUNTY,
}

# Township-level units under each top-level unit, as of 2024.
UNITS_PER_PARENT = {
    "TW-TPE": 12, "TW-NWT": 29, "TW-TAO": 13, "TW-TXG": 29, "TW-TNN": 37, "TW-KHH": 38,
    "TW-KEE": 7, "TW-HSZ": 3, "TW-CYI": 2,
    "TW-HSQ": 13, "TW-MIA": 18, "TW-CHA": 26, "TW-NAN": 13, "TW-YUN": 20, "TW-CYQ": 18,
    "TW-PIF": 33, "TW-ILA": 12, "TW-HUA": 13, "TW-TTT": 16, "TW-PEN": 6, "TW-KIN": 6,
    "TW-LIE": 4,
}  # fmt: skip

COUNTY_ADMINISTERED_CITIES = {
    "TW-HSQ-zhubei-city", "TW-MIA-miaoli-city", "TW-MIA-toufen-city", "TW-CHA-changhua-city",
    "TW-CHA-yuanlin-city", "TW-NAN-nantou-city", "TW-YUN-douliu-city", "TW-CYQ-taibao-city",
    "TW-CYQ-puzi-city", "TW-PIF-pingtung-city", "TW-ILA-yilan-city", "TW-HUA-hualien-city",
    "TW-TTT-taitung-city", "TW-PEN-magong-city",
}  # fmt: skip

LOWER_LEVELS = {Level.DISTRICT, Level.TOWNSHIP, Level.COUNTY_ADMINISTERED_CITY}


@pytest.fixture(scope="module")
def entries() -> list[TaiwanEntry]:
    return load_taiwan()


@pytest.fixture(scope="module")
def by_id(entries) -> dict[str, TaiwanEntry]:
    return {e.place.id: e for e in entries}


@pytest.fixture(scope="module")
def current(entries) -> list[TaiwanEntry]:
    return [e for e in entries if e.successor is None]


def owners(entries: list[TaiwanEntry], name: str) -> set[str]:
    """Ids of today's units that a surface form (English or Chinese) names."""
    key = fold(name)
    return {
        e.place.id
        for e in entries
        if e.successor is None and key in {fold(n) for n in e.names + e.native_names}
    }


# --- the data -----------------------------------------------------------------------------


def test_ids_are_unique(entries):
    counts = Counter(e.place.id for e in entries)
    assert [i for i, n in counts.items() if n > 1] == []


def test_all_22_iso_units_with_their_levels(by_id, current):
    assert {i: by_id[i].place.level for i in TOP_LEVEL} == TOP_LEVEL
    # and Taiwan Province, a party to US states' ties, above them
    assert {e.place.id for e in current if e.parent is None} == {*TOP_LEVEL, "TW-TWP"}
    for i in TOP_LEVEL:
        assert by_id[i].place.country == "TW"
        assert by_id[i].place.native.endswith(("市", "縣"))


def test_township_level_units_per_parent(current):
    counts = Counter(e.parent for e in current if e.place.level in LOWER_LEVELS)
    assert dict(counts) == UNITS_PER_PARENT
    assert sum(counts.values()) == 368


def test_municipalities_have_districts_and_counties_townships_or_cities(by_id, current):
    for e in current:
        if e.parent is None:
            continue
        if by_id[e.parent].place.level in {Level.SPECIAL_MUNICIPALITY, Level.COUNTY_CITY}:
            assert e.place.level is Level.DISTRICT, e.place.id
            assert e.place.native.endswith("區"), e.place.id
        else:
            assert e.place.level in {Level.TOWNSHIP, Level.COUNTY_ADMINISTERED_CITY}, e.place.id
    cities = {e.place.id for e in current if e.place.level is Level.COUNTY_ADMINISTERED_CITY}
    assert cities == COUNTY_ADMINISTERED_CITIES


def test_chinese_suffix_matches_level(current):
    for e in current:
        if e.place.level is Level.TOWNSHIP:
            assert e.place.native[-1] in "鄉鎮", e.place.id
        if e.place.level is Level.COUNTY_ADMINISTERED_CITY:
            assert e.place.native.endswith("市"), e.place.id


def test_ids_of_lower_units_are_parent_plus_slug(current):
    for e in current:
        if e.parent is not None:
            slug = e.place.id.removeprefix(e.parent + "-")
            assert slug != e.place.id and slug.replace("-", "").isalnum() and slug.islower()


def test_every_parent_and_successor_exists(by_id):
    for e in by_id.values():
        assert e.parent is None or e.parent in by_id
        if e.successor is not None:
            assert by_id[e.successor].successor is None
            assert e.valid_until is not None


def test_mountain_indigenous_units_are_present(by_id):
    for i in ("TW-NWT-wulai", "TW-TAO-fuxing", "TW-TXG-heping", "TW-KHH-namaxia",
              "TW-KHH-maolin", "TW-KHH-taoyuan", "TW-CYQ-alishan", "TW-TTT-lanyu",
              "TW-PIF-sandimen", "TW-NAN-renai", "TW-HUA-xiulin", "TW-ILA-nanao"):  # fmt: skip
        assert i in by_id


# --- names --------------------------------------------------------------------------------


def test_hualien_city_is_not_hualien_county(by_id, entries):
    city, county = by_id["TW-HUA-hualien-city"], by_id["TW-HUA"]
    assert city.place.level is Level.COUNTY_ADMINISTERED_CITY and city.parent == "TW-HUA"
    assert city.place.native == "花蓮市" and county.place.native == "花蓮縣"
    assert owners(entries, "Hualien") == {"TW-HUA"}
    assert owners(entries, "Hualien County") == {"TW-HUA"}
    assert owners(entries, "Hualien City") == {"TW-HUA-hualien-city"}
    assert owners(entries, "花蓮") == {"TW-HUA"}
    assert owners(entries, "花蓮市") == {"TW-HUA-hualien-city"}


def test_bare_name_goes_to_the_highest_level_unit(entries):
    assert owners(entries, "Taoyuan") == {"TW-TAO"}
    assert owners(entries, "Taoyuan District") == {"TW-TAO-taoyuan", "TW-KHH-taoyuan"}
    assert owners(entries, "Pingtung") == {"TW-PIF"}
    assert owners(entries, "Yilan") == {"TW-ILA"}
    assert owners(entries, "Ilan") == {"TW-ILA"}
    assert owners(entries, "Taitung") == {"TW-TTT"}
    assert owners(entries, "桃園") == {"TW-TAO"}


def test_bare_hsinchu_and_chiayi_are_the_cities(entries):
    assert owners(entries, "Hsinchu") == {"TW-HSZ"}
    assert owners(entries, "Chiayi") == {"TW-CYI"}
    assert owners(entries, "Hsinchu County") == {"TW-HSQ"}
    assert owners(entries, "Chiayi County") == {"TW-CYQ"}
    assert owners(entries, "新竹") == {"TW-HSZ"}
    assert owners(entries, "嘉義") == {"TW-CYI"}


def test_same_level_namesakes_share_the_bare_name(entries):
    assert owners(entries, "Xinyi") == {"TW-TPE-xinyi", "TW-KEE-xinyi", "TW-NAN-xinyi"}
    assert owners(entries, "Xinyi Township") == {"TW-NAN-xinyi"}
    # ... but an ambiguous Chinese short form belongs to nobody.
    assert owners(entries, "信義") == set()


def test_direction_districts_get_no_bare_name(entries):
    assert owners(entries, "East") == set()
    assert "TW-HSZ-east" in owners(entries, "East District")


@pytest.mark.parametrize("name", ["Changzhi", "Changjhih", "Changchih", "Changzhi Township",
                                  "長治", "長治鄉"])  # fmt: skip
def test_changzhi_is_the_pingtung_township(entries, name):
    assert owners(entries, name) == {"TW-PIF-changzhi"}


@pytest.mark.parametrize("name", ["Kaohsiung", "Gaoxiong", "Kao-hsiung", "Kaohsiung City",
                                  "高雄", "高雄市"])  # fmt: skip
def test_kaohsiung(entries, name):
    assert owners(entries, name) == {"TW-KHH"}


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Taipei", "TW-TPE"), ("Taipei City", "TW-TPE"), ("Taipei Municipality", "TW-TPE"),
        ("台北", "TW-TPE"), ("臺北市", "TW-TPE"), ("New Taipei City", "TW-NWT"),
        ("Taichung", "TW-TXG"), ("Taizhong", "TW-TXG"), ("Changhua County", "TW-CHA"),
        ("Zhanghua", "TW-CHA"), ("Keelung", "TW-KEE"), ("Jilong", "TW-KEE"),
        ("Quemoy", "TW-KIN"), ("金門", "TW-KIN"), ("Matsu", "TW-LIE"), ("馬祖", "TW-LIE"),
        ("Pescadores", "TW-PEN"), ("Orchid Island", "TW-TTT-lanyu"), ("Lanyu", "TW-TTT-lanyu"),
        ("蘭嶼", "TW-TTT-lanyu"), ("Jhongli", "TW-TAO-zhongli"), ("Chungli", "TW-TAO-zhongli"),
        ("Banciao", "TW-NWT-banqiao"), ("Tamsui", "TW-NWT-tamsui"), ("Danshui", "TW-NWT-tamsui"),
        ("Jhubei", "TW-HSQ-zhubei-city"), ("Zhubei City", "TW-HSQ-zhubei-city"),
        ("Luodong", "TW-ILA-luodong"), ("Lotung", "TW-ILA-luodong"),
        ("Xinyi District", "TW-TPE-xinyi"),
    ],
)  # fmt: skip
def test_surface_forms(entries, name, place_id):
    assert place_id in owners(entries, name)


def test_every_current_unit_has_english_and_chinese_names(current):
    for e in current:
        assert e.names and e.place.native in e.native_names, e.place.id
        assert all(n.isascii() for n in e.names), e.place.id


# --- history ------------------------------------------------------------------------------


def test_taipei_county_became_new_taipei(entries):
    (e,) = [e for e in entries if "Taipei County" in e.names]
    assert e.place.native == "臺北縣" and e.place.level is Level.COUNTY
    assert e.successor == "TW-NWT" and e.valid_until == dt.date(2010, 12, 25)


def test_taoyuan_county_became_taoyuan(entries):
    (e,) = [e for e in entries if "Taoyuan County" in e.names]
    assert e.successor == "TW-TAO" and e.valid_until == dt.date(2014, 12, 25)


@pytest.mark.parametrize(
    ("name", "successor"),
    [
        ("Taichung County", "TW-TXG"), ("Tainan County", "TW-TNN"),
        ("Kaohsiung County", "TW-KHH"), ("Banqiao City", "TW-NWT-banqiao"),
        ("Zhongli City", "TW-TAO-zhongli"), ("Fengshan City", "TW-KHH-fengshan"),
        ("Fengyuan City", "TW-TXG-fengyuan"), ("Xinying City", "TW-TNN-xinying"),
        ("Yongkang City", "TW-TNN-yongkang"),
    ],
)  # fmt: skip
def test_former_units_point_to_todays(entries, name, successor):
    assert [e.successor for e in entries if name in e.names and e.successor] == [successor]


def test_old_taoyuan_city_and_old_taichung_city(by_id, entries):
    old = [e for e in entries if e.successor and e.place.native == "桃園市"]
    assert [e.successor for e in old] == ["TW-TAO-taoyuan"]
    assert old[0].place.level is Level.COUNTY_ADMINISTERED_CITY
    assert by_id["TW-hist-taichung-city"].successor == "TW-TXG"


def test_former_units_have_no_generated_short_forms(entries):
    for e in entries:
        if e.successor:
            assert "臺北" not in e.native_names and "Taipei" not in e.names


# --- the loader ---------------------------------------------------------------------------


def test_default_file_is_parsed_once(entries):
    assert load_taiwan()[0] is load_taiwan()[0]


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "taiwan.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = "TW-HUA\tcounty\tHualien\t花蓮縣\t\tHualian\t\t"


def test_a_small_valid_file_loads(tmp_path):
    city = "TW-HUA-hualien-city\tcounty_administered_city\tHualien City\t花蓮市\tTW-HUA\t\t\t"
    path = _write(tmp_path, GOOD, city)
    county, city = load_taiwan(path)
    assert "Hualien" in county.names and "Hualien" not in city.names
    assert city.place.admin1 == "Hualien"


def test_malformed_row_names_line_and_every_bad_column(tmp_path):
    bad = "TW-X\tborough\t\t花蓮縣\tTW-NOPE\t\tTW-HUA\t2010-13-45"
    path = _write(tmp_path, GOOD, bad)
    with pytest.raises(ConfigError) as info:
        load_taiwan(path)
    err = info.value
    assert err.where == f"{path}:3"
    text = " ".join(err.problems)
    for column in ("level", "name", "parent", "valid_until"):
        assert f"column {column}:" in text
    assert all(p.startswith("line 3:") for p in err.problems)


def test_wrong_column_count_and_duplicate_id(tmp_path):
    path = _write(tmp_path, GOOD, "TW-HUA\tcounty\tHualien\t花蓮縣\t\t\t\t", "too\tfew")
    with pytest.raises(ConfigError) as info:
        load_taiwan(path)
    assert info.value.where.endswith(":3")
    assert any("line 3: column id:" in p for p in info.value.problems)
    assert any("line 4:" in p and "columns" in p for p in info.value.problems)


def test_successor_must_be_a_current_unit(tmp_path):
    old = "TW-hist-x\tcounty\tX County\tX縣\t\t\tTW-hist-y\t2010-12-25"
    path = _write(tmp_path, GOOD, old)
    with pytest.raises(ConfigError, match="column successor"):
        load_taiwan(path)


def test_bad_header(tmp_path):
    path = tmp_path / "taiwan.tsv"
    path.write_text("id,level,name\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_taiwan(path)
    assert info.value.where == f"{path}:1"
