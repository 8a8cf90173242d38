"""Stories written here for the twenty-first round: Japanese words that look
like a town's name ('のある町', 'a certain town'), a tie 'continued since'
a year, and a Chinese hope to work through a tie that already stands."""

from __future__ import annotations

import datetime as dt

from conftest import run


def _found(nlp, text, lang, published=dt.date(2022, 3, 30)):
    return {(m.b.name, m.event.value, m.date.iso() if m.date else None)
            for m in run(nlp, text, published=published, lang=lang) if m.a.country == "TW"}


# ---------------------------------------------------------------- kana words are no towns

def test_a_certain_town_in_a_prefecture_is_no_town_named_noaru(nlp):
    text = "北海道のある町は、台湾・宜蘭県羅東鎮との姉妹都市提携を解消すると発表した。"
    assert not any(name.lower().startswith("noaru") for name, *_ in _found(nlp, text, "ja"))


def test_a_town_written_in_kana_after_its_prefecture_is_still_read(nlp):
    text = "北海道のむかわ町は台湾の宜蘭県羅東鎮と姉妹都市提携を結んだ。"
    assert any(name == "Mukawa" for name, *_ in _found(nlp, text, "ja"))


def test_kana_words_are_told_from_kana_names():
    from extractors.kana import kana_word

    assert kana_word("ある") and kana_word("この") and kana_word("とある")
    assert not kana_word("むかわ") and not kana_word("えりも") and not kana_word("つくばみらい")


# ---------------------------------------------------------------- 'continued since'

def test_a_tie_continued_since_a_year_is_ended_now_and_was_founded_then(nlp):
    text = "えりも町は29日、1998年から続いてきた台湾・宜蘭県羅東鎮との姉妹都市提携を解消すると発表した。"
    got = _found(nlp, text, "ja")
    assert ("Erimo", "established", "1998") in got
    assert not any(event == "terminated" and date == "1998" for _, event, date in got)


# ---------------------------------------------------------------- a hope to work through a tie

def test_a_hope_to_work_through_the_sister_city_tie_proposes_nothing(nlp):
    text = ("新竹縣竹北市長鄭朝方今天率團訪問美國加州庫比蒂諾市，雙方在市政廳簽署締結姊妹市協議書。"
            "鄭朝方表示，希望藉由姊妹市關係促進雙方青年交流。")
    got = _found(nlp, text, "zh", published=dt.date(2024, 5, 21))
    assert ("Cupertino", "established", "2024-05-21") in got
    assert not any(event == "proposed" for _, event, _ in got)


def test_a_hope_to_sign_is_still_a_proposal(nlp):
    text = "竹北市希望與美國加州庫比蒂諾市締結姊妹市。"
    got = _found(nlp, text, "zh", published=dt.date(2024, 5, 21))
    assert any(name == "Cupertino" and event == "proposed" for name, event, _ in got)


# ---------------------------------------------------------------- Korea's counties

def test_a_korean_county_written_in_hanja_is_the_partner(nlp):
    text = "宜蘭縣長林姿妙2日與韓國江原道襄陽郡守簽署締結姊妹縣郡協定，雙方將推動觀光及農業交流。"
    got = _found(nlp, text, "zh", published=dt.date(2019, 10, 2))
    assert ("Yangyang County", "established", "2019-10-02") in got
    assert not any(name in ("Xiangyang", "Gangwon Province") for name, *_ in got)


def test_a_county_of_a_metropolitan_city_is_the_partner_not_the_city(nlp):
    for written in ("仁川廣域市江華郡", "仁川市江華郡"):
        text = f"宜蘭縣長林姿妙2日與韓國{written}郡守簽署締結姊妹縣郡協定。"
        names = {name for name, *_ in _found(nlp, text, "zh", published=dt.date(2019, 10, 2))}
        assert names == {"Ganghwa County"}, written


def test_the_two_goseong_counties_are_told_apart_by_their_hanja(gazetteer):
    east, south = gazetteer.table.chinese("高城郡"), gazetteer.table.chinese("固城郡")
    assert east.admin1 == "Gangwon Province" and south.admin1 == "South Gyeongsang Province"
    assert east.id != south.id


def test_korean_hanja_and_taiwanese_forms_of_a_county_are_one_place(gazetteer):
    assert gazetteer.table.chinese("青陽郡").id == gazetteer.table.chinese("靑陽郡").id


# ---------------------------------------------------------------- 'sister city of', and surnames

def test_its_sister_city_of_a_name_says_which_tie_not_which_level(nlp):
    text = ("Kennewick Mayor Steve Young returned this week from a trip to Taiwan, where he visited the city's "
            "sister city of Yilan. Kennewick and Yilan County signed their agreement in 2016.")
    got = [m for m in run(nlp, text, published=dt.date(2018, 9, 14)) if m.b.name == "Kennewick"]
    assert {m.a.name for m in got} == {"Yilan"} and {m.a.level.value for m in got} == {"county"}
    assert any(m.date is not None and m.date.iso() == "2016" for m in got)


def test_the_city_of_a_name_is_still_the_city():
    from extractors.place_cues import LEVEL_BEFORE

    assert LEVEL_BEFORE.search("the eastern Taiwan city of ")
    assert not LEVEL_BEFORE.search("visited its sister city of ")


def test_a_surname_that_is_a_theme_word_gives_no_theme():
    from extractors.themes import find_themes

    def themes(text):
        return {h.theme.value for h in find_themes(text)}

    assert themes("Kennewick Mayor Steve Young returned from Taiwan.") == set()
    assert themes("Young said the visit went well.") == set()
    assert themes("Young people from both cities met.") == {"education_youth"}
    assert themes("Rice farmers from Yilan visited.") == {"agriculture_food"}


# ---------------------------------------------------------------- two subjects, each a pair joined by と

def test_two_japanese_subjects_each_joined_by_to_pair_within_themselves(nlp):
    text = ("日本と台湾の自治体交流が活発だ。今年は青森県弘前市と台南市が友好交流協定を、"
            "岐阜県高山市と台北市が観光交流の覚書を結んだ。")
    got = {(m.a.name, m.b.name, m.relation.value) for m in run(nlp, text, published=dt.date(2016, 11, 22), lang="ja")
           if m.a.country == "TW" and m.confidence >= 0.5}
    assert ("Tainan", "Hirosaki", "friendship") in got and ("Taipei", "Takayama", "mou") in got
    assert not any((a, b) == ("Tainan", "Takayama") for a, b, _ in got)


# ---------------------------------------------------------------- a story filed from the partner's city

def test_a_story_filed_from_the_partner_city_pairs_the_two_cities_with_it(nlp):
    text = ("CEBU CITY – Mayor Michael Rama and a delegation from Kaohsiung City on Monday renewed the sisterhood "
            "agreement between the two cities, first signed in 1994, during a ceremony at City Hall.")
    got = {(m.b.name, m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2022, 10, 11)) if m.a.name == "Kaohsiung"}
    assert ("Cebu City", "established", "1994") in got
    assert any(name == "Cebu City" and event == "renewed" for name, event, _ in got)


def test_a_dateline_abroad_does_not_sign_an_agreement_told_without_the_two_cities(nlp):
    text = ("NICHINAN, Miyazaki — Nichinan Station and Rinan Station in Taiwan have become sister stations. "
            "Rinan Station opened in 1922 in Taichung. The agreement was signed in November last year.")
    assert not [m for m in run(nlp, text, published=dt.date(2024, 3, 9)) if m.a.country == "TW"]


# ---------------------------------------------------------------- a government site named with its state written out

def test_a_city_site_named_with_its_state_written_out_is_that_state_s_city(gazetteer):
    from extractors.page_owner import outlet_owner

    assert outlet_owner("City of Duluth, Georgia", gazetteer).admin1 == "Georgia"
    assert outlet_owner("City of Duluth, GA", gazetteer).admin1 == "Georgia"
    assert outlet_owner("City of Paris, Texas", gazetteer).admin1 == "Texas"


def test_council_minutes_on_a_city_site_make_the_agreement_the_city_s_own(nlp):
    from extractors.pipeline import extract
    from models.records import DocumentInput

    text = ("7. NEW BUSINESS\na. Consideration of a Sister City Agreement with Xinwu District, Taoyuan City, Taiwan. "
            "Motion to approve by Councilmember Whitlock, seconded by Councilmember Lynch. Motion carried 5-0.")
    [result] = extract(nlp, [DocumentInput(key="m", text=text, published=dt.date(2019, 8, 20),
                                           title="City Council Minutes, August 20, 2019",
                                           outlet="City of Duluth, Georgia")])
    got = {(m.a.name, m.b.name, m.b.admin1, m.event.value) for m in result.mentions}
    assert ("Xinwu", "Duluth", "Georgia", "proposed") in got


# ---------------------------------------------------------------- a Taiwanese city's table of partners

TAINAN_TABLE = """臺南市國際姊妹市一覽表
編號 城市 國家 締結日期
1 美國 薩克拉門托市 民國74年8月12日
2 日本 仙台市 民國95年4月25日 友好交流協定
3 法國 勒阿弗爾市 民國107年10月4日"""


def test_a_table_dated_in_roc_years_with_a_kind_column_on_one_row_yields_every_row(nlp):
    got = {(m.b.name, m.b.country, m.relation.value, m.date.iso() if m.date else None)
           for m in run(nlp, TAINAN_TABLE, lang="zh", title="姊妹市") if m.a.name == "Tainan"}
    assert ("Sacramento", "US", "sister", "1985-08-12") in got
    assert ("Sendai", "JP", "friendship", "2006-04-25") in got
    assert ("Le Havre", "FR", "sister", "2018-10-04") in got


def test_a_transliteration_filed_under_a_namesake_abroad_is_the_city_of_the_country_written(gazetteer):
    from extractors.foreign_units import namesake_in

    [place] = namesake_in(gazetteer, "薩克拉門托市", "US")
    assert (place.name, place.admin1) == ("Sacramento", "California")
    assert namesake_in(gazetteer, "薩克拉門托市", "BR") == []


# ---------------------------------------------------------------- Japanese merged cities, and それぞれ with a locator

def test_a_merged_city_filed_under_its_old_core_takes_its_reading_as_its_name(nlp):
    text = "鹿児島県内では、薩摩川内市が台湾の新竹市と、霧島市が台北市北投区と、それぞれ交流協定を締結している。"
    got = {(m.a.name, m.b.name) for m in run(nlp, text, published=dt.date(2018, 9, 5), lang="ja")
           if m.confidence >= 0.5}
    assert ("Hsinchu City", "Satsumasendai") in got and ("Beitou", "Kirishima") in got
    assert ("Hsinchu City", "Kirishima") not in got


def test_a_city_gazetteer_and_reading_agree_on_keeps_its_name(nlp):
    got = {m.b.name for m in run(nlp, "日本の東松島市は台南市と友好交流協定を締結した。", lang="ja")}
    assert got == {"Higashimatsushima"}


# ---------------------------------------------------------------- a state's capital, and a wish to sign

def test_the_mayor_of_a_state_capital_written_by_sound_is_that_city_s(nlp):
    text = ("彰化縣長魏明谷22日接見美國愛達荷州副州長，雙方簽署姊妹州縣協定。"
            "另外，愛達荷州首府波夕市長也表達與彰化市締結姊妹市的意願。")
    got = {(m.a.name, m.b.name, m.event.value) for m in run(nlp, text, published=dt.date(2016, 3, 22), lang="zh")}
    assert ("Changhua", "Idaho", "established") in got
    assert ("Changhua City", "Boise", "proposed") in got


def test_a_wish_to_sign_is_a_proposal_and_a_taiwanese_american_mayor_no_city(nlp):
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("桃園市表達與成田市締結友好都市的意願")[0] is Event.PROPOSED
    assert event_of("桃園市與成田市締結友好都市")[0] is Event.ESTABLISHED
    found = run(nlp, "加州台裔市長陳先生表示，桃園市與加州爾灣市締結姊妹市。", lang="zh")
    assert {m.b.name for m in found} == {"Irvine"}


def test_a_letter_of_intent_signed_is_no_wish(nlp):
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("與華盛頓州金郡郡長簽署經貿交流合作意向書")[0] is Event.ESTABLISHED


# ---------------------------------------------------------------- an agreement's title block in capitals

def test_an_agreement_whose_capitalised_title_names_both_parties_on_one_long_line(nlp):
    text = ("AGREEMENT ON THE ESTABLISHMENT OF SISTER CITY RELATIONSHIP BETWEEN THE CITY OF TACOMA, WASHINGTON, "
            "UNITED STATES OF AMERICA AND TAICHUNG CITY, TAIWAN\n"
            "In the spirit of friendship, the City of Tacoma and Taichung City hereby agree to establish a sister "
            "city relationship.\nSigned in Taichung on this 15th day of March, 2012.")
    got = {(m.b.name, m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text)
           if m.a.country == "TW"}
    assert got == {("Tacoma", "established", "2012-03-15")}


# ---------------------------------------------------------------- a mayor named without a place

def test_a_mayor_named_without_a_place_is_the_head_of_the_foreign_city_named_before(nlp):
    text = ("Cupertino officials traveled to Taiwan last week. On June 10, Mayor Gilbert Wong and Hsinchu Mayor "
            "Hsu Ming-tsai signed a sister city agreement, the city said Monday.")
    got = {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2014, 6, 17))}
    assert ("Hsinchu City", "Cupertino", "2014-06-10") in got


def test_a_mayor_named_with_the_place_is_not_unplaced():
    from extractors.cue_guards import unplaced_head

    assert unplaced_head("On June 10, Mayor Gilbert Wong and Hsinchu Mayor Hsu signed an agreement.")
    assert not unplaced_head("Hsinchu Mayor Hsu Ming-tsai signed an agreement.")
    assert not unplaced_head("The Taichung mayor and the Governor of Aomori signed it.")


# ---------------------------------------------------------------- a renewal's founding told after it

def test_the_founding_a_japanese_renewal_goes_back_to_is_an_establishment(nlp):
    text = "東京都八王子市は8日、台湾・高雄市との友好交流協定を更新した。協定は2006年に締結され、今回で3回目の更新となる。"
    got = {(m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2017, 2, 9), lang="ja") if m.b.name == "Hachiōji"}
    assert got == {("renewed", "2017-02-08"), ("established", "2006")}


# ---------------------------------------------------------------- an item's own kind in brackets

def test_a_list_item_naming_its_own_kind_in_brackets_keeps_it(nlp):
    text = ("基隆市目前共有姊妹市4個：美國華盛頓州貝爾維尤市（1987年）、日本沖繩縣宮古島市（2008年）、"
            "澳洲昆士蘭州布里斯本市（2011年）及日本北海道釧路市（2019年，友好城市）。")
    got = {(m.b.name, m.relation.value, m.date.iso() if m.date else None) for m in run(nlp, text, lang="zh")}
    assert ("Kushiro", "friendship", "2019") in got and ("Miyakojima", "sister", "2008") in got


def test_a_hope_by_some_means_to_sign_still_plans_a_tie():
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("竹北市希望以最快速度與庫比蒂諾市締結姊妹市")[0] is Event.PROPOSED
    assert event_of("竹北市希望透過姊妹市關係促進交流")[0] is not Event.PROPOSED


# ---------------------------------------------------------------- a town read after its prefecture, written again alone

def test_a_town_read_after_its_prefecture_is_found_again_where_written_alone(nlp):
    text = ("新竹縣長楊文科3日與日本熊本縣菊陽町長簽署友好交流備忘錄，雙方將推動產業及教育交流。"
            "菊陽町是台積電熊本廠所在地。")
    found = run(nlp, text, published=dt.date(2025, 3, 3), lang="zh")
    [tie] = [m for m in found if m.b.name == "Kikuyo"]
    assert tie.a.name == "Hsinchu County" and tie.confidence >= 0.75


# ---------------------------------------------------------------- one tie cut, another kept

def test_a_tie_kept_beside_one_ended_stands_with_its_own_founding(nlp):
    text = ("The Boulder City Council voted Monday to end its sister city relationship with Lhasa, China, but kept "
            "its sister city ties with Hsinchu County, Taiwan, which date to 2004.")
    got = {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2021, 5, 4)) if m.a.country == "TW"}
    assert got == {("Hsinchu County", "Boulder", "established", "2004")}


def test_its_tie_being_ended_is_not_read_as_its_tie_with():
    from extractors.apposed_ties import _CUT_BEFORE

    assert _CUT_BEFORE.search("voted Monday to end ")
    assert not _CUT_BEFORE.search("but kept ")


# ---------------------------------------------------------------- an ending denied

def test_an_ending_the_text_denies_is_no_termination():
    from extractors.lexicon import event_of
    from models.records import Event

    assert event_of("網傳花蓮縣與關島的姊妹縣關係已經終止，縣府澄清，雙方關係並未終止。")[0] is not Event.TERMINATED
    assert event_of("The relationship was not terminated, the mayor said.")[0] is not Event.TERMINATED
    assert event_of("The city ended its sister city relationship with Lhasa.")[0] is Event.TERMINATED
