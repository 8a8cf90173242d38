"""Foreign names written in Chinese by sound resolve to the place of the
division the text names before them, and nothing is guessed when two
places of a size sound alike or the sound says too little."""

from __future__ import annotations

import pytest

from extractors.gazetteer.index import load_gazetteer
from extractors.gazetteer.transliteration import by_sound, english_keys, pinyin_key, similarity
from models.records import Level
from models.settings import load_settings


@pytest.fixture(scope="module")
def world():
    return load_gazetteer(load_settings().cache_dir).world


def test_both_scripts_reduce_to_the_consonants_a_listener_hears():
    assert pinyin_key("富頓") == "FVTVN"  # fu-dun
    assert english_keys("Fulton County") == ("FVLTVN",)
    assert english_keys("Richland") == ("LVSLVNT", "LVSLVN")  # the final d may go unheard
    assert similarity(pinyin_key("富頓"), english_keys("Fulton")[0]) > 0.8  # a closing l is cheap to lose
    assert similarity("PVTVN", "FVTVN") == 0.0  # the first consonant must agree


@pytest.mark.parametrize("written, country, division, levels, name", [
    ("富頓縣", "US", "Georgia", (Level.COUNTY,), "Fulton County"),
    ("瑞奇蘭郡", "US", "Ohio", (Level.COUNTY,), "Richland County"),
    ("哈特福縣", "US", "Connecticut", (Level.COUNTY,), "Hartford County"),
    ("庫比蒂諾市", "US", "California", (Level.CITY,), "Cupertino"),
    ("肯納威克市", "US", "Washington", (Level.CITY,), "Kennewick"),
    # a city of half a million over a village that sounds nearly as close (Valley Center)
    ("佛雷斯諾市", "US", "California", (Level.CITY,), "Fresno"),
])
def test_a_name_written_by_sound_is_the_place_of_its_division_that_sounds_so(world, written, country, division,
                                                                               levels, name):
    assert by_sound(world, written, country, division, levels).name == name


def test_no_guess_when_the_sound_says_too_little_or_nothing_stands_out(world):
    assert by_sound(world, "台裔市", "US", "California", (Level.CITY,)) is None  # one consonant
    assert by_sound(world, "天普市", "US", "Texas", (Level.CITY,)) is None  # Temple or Tomball: too close to call
    assert by_sound(world, "富頓縣", "US", "Atlantis", (Level.COUNTY,)) is None  # no such division


def test_a_chinese_sentence_gives_the_county_its_state_locates(nlp):
    from conftest import run

    found = run(nlp, "新北市與美國喬治亞州富頓縣締結姊妹市。", lang="zh")
    assert ("New Taipei", "Fulton County") in {(m.a.name, m.b.name) for m in found}


def test_a_japanese_town_in_chinese_text_takes_its_japanese_reading(nlp):
    from conftest import run

    found = run(nlp, "白河區公所與日本福井縣南越前町十六日簽署交流合作備忘錄。", lang="zh")
    assert {m.b.name for m in found} == {"Minamiechizen"}
    # A town GeoNames lacks keeps the reading as its English name, and its kanji as its own.
    [m] = run(nlp, "屏東縣九如鄉與鹿兒島縣東串良町締結姊妹市。", lang="zh")
    assert (m.b.name, m.b.native, m.b.provisional) == ("Higashikushira", "東串良町", True)


def test_a_state_written_before_a_county_it_holds_only_locates_it(nlp):
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    zh = _cjk_pipelines(nlp)["zh"]
    doc = zh(_make_doc(zh, DocumentInput(key="k", text="新北市的友好城市：\n加利福尼亞州 洛杉磯县 1996年8月2日\n", lang="zh"))[0])
    kinds = {p.place.name: p.kind for p in doc._.places if p.place}
    assert kinds["California"] == "locator" and kinds["Los Angeles County"] == "foreign"
