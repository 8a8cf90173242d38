"""Ties as partners' pages, wire stories and lists tell them, on texts
written here: a city that speaks of itself as 'the city government here'
under its dateline or by its mayor on its own site, a state of Palau written
by sound, one pair named again in a second clause, an ending of the tie the
clause before told of, and the founding a renewal's relative clause dates."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run, ties
from extractors.gazetteer.index import load_gazetteer
from models.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings().cache_dir)


def test_the_city_government_here_is_the_city_of_a_dateline_in_capitals(nlp):
    text = ("ILOILO CITY, July 20 (PNA) -- The city government here signed a sister city agreement with "
            "Changhua County of Taiwan on Monday, Mayor Jed Patrick Mabilog said.")
    got = ties(run(nlp, text, published=dt.date(2015, 7, 20)))
    assert got == {("Changhua", "Iloilo", "sister", "established", "2015-07-20")}


def test_a_mayor_opening_a_sentence_on_a_philippine_citys_site_speaks_for_it(nlp):
    text = ("Mayor Michael Rama led a city delegation to Kaohsiung this week, where he and Kaohsiung Mayor "
            "Chen Chi-mai signed a memorandum of understanding on disaster risk reduction.")
    got = ties(run(nlp, text, published=dt.date(2022, 10, 14), url="https://www.cebucity.gov.ph/news/trip"))
    assert {(a, b, r, e) for a, b, r, e, _ in got} == {("Kaohsiung", "Cebu City", "mou", "established")}


def test_a_palau_state_written_by_sound_after_its_country_is_that_state(nlp):
    text = "屏東縣長周春米今（14）日與帛琉艾美利克州州長簽署友好交流協定，雙方將在漁業及觀光領域合作。"
    got = ties(run(nlp, text, published=dt.date(2023, 6, 14), lang="zh"))
    assert got == {("Pingtung", "Aimeliik", "friendship", "established", "2023-06-14")}


def test_a_pair_named_again_in_a_second_clause_keeps_the_first_clauses_kind_and_day(nlp):
    text = "南投縣埔里鎮公所3日與日本岐阜縣白川村簽訂友好交流協定，埔里鎮長廖志城與白川村長成原茂在鎮公所簽署協定書。"
    got = ties(run(nlp, text, published=dt.date(2018, 7, 3), lang="zh"))
    assert got == {("Puli", "Shirakawa", "friendship", "established", "2018-07-03")}


def test_ending_the_memorandum_the_clause_before_dated_is_an_ending_today(nlp):
    text = "新北市政府今天宣布，由於捷克布拉格市未能履行雙方於2015年簽署的合作備忘錄，決定終止該備忘錄。"
    got = ties(run(nlp, text, published=dt.date(2021, 3, 30), lang="zh"))
    assert ("New Taipei", "Prague", "mou", "terminated", "2021-03-30") in got
    assert ("New Taipei", "Prague", "mou", "established", "2015") in got


def test_a_renewal_dates_the_founding_its_relative_clause_names(nlp):
    text = ("Hawaii County Mayor Harry Kim and Hsinchu County Magistrate Chiu Ching-chun signed a proclamation "
            "Wednesday reaffirming the sister county relationship the two counties formed in 2004.")
    got = ties(run(nlp, text, published=dt.date(2018, 4, 12)))
    assert got == {("Hsinchu County", "Hawaii County", "sister", "renewed", "2018-04-11"),
                   ("Hsinchu County", "Hawaii County", "sister", "established", "2004")}


def test_exploring_a_partnership_with_a_city_proposes_one(nlp):
    text = ("Kaunas Mayor Visvaldas Matijosaitis said the Lithuanian city is exploring a partnership with "
            "Kaohsiung.")
    got = ties(run(nlp, text))
    assert {(a, b, e) for a, b, _, e, _ in got} == {("Kaohsiung", "Kaunas", "proposed")}


def test_the_town_of_a_relative_clause_is_the_subject_named_before(nlp):
    text = ("The town of Yonaguni, Japan's westernmost point, sits just 111 kilometers from Taiwan's east coast. "
            "On clear days residents can see the mountains of Hualien, the Taiwanese city with which the town "
            "has been twinned since 1982.")
    assert ties(run(nlp, text)) == {("Hualien City", "Yonaguni", "sister", "established", "1982")}


def test_the_citys_newer_friendship_is_the_subject_named_before(nlp):
    text = ("Spokane's sister city relationship with Jecheon in South Korea has lasted 30 years. "
            "But the city's newer friendship with Taiwan's Hsinchu County, announced with fanfare in 2012, "
            "seems to have faded.")
    got = ties(run(nlp, text, published=dt.date(2018, 9, 10)))
    assert ("Hsinchu County", "Spokane", "friendship", "established", "2012") in got


def test_a_list_of_sister_and_friendship_cities_gives_each_item_its_bracketed_kind(nlp):
    text = ("Tainan has the following sister and friendship cities:\n"
            "Columbus, Georgia, United States (1981)\n"
            "Sendai, Miyagi, Japan (2006, friendship)\n"
            "Kanazawa, Ishikawa, Japan (2017, cooperation)\n")
    got = ties(run(nlp, text, published=dt.date(2020, 2, 3)))
    assert got == {("Tainan", "Columbus", "sister", "established", "1981"),
                   ("Tainan", "Sendai", "friendship", "established", "2006"),
                   ("Tainan", "Kanazawa", "cooperation", "established", "2017")}


def test_a_japanese_renewal_dates_the_memorandum_concluded_with_the_partner_before_it(nlp):
    text = "成田市は、平成28年11月に台湾桃園市と締結した「友好交流に関する覚書」を、令和2年11月20日に更新しました。"
    got = ties(run(nlp, text, published=dt.date(2020, 11, 20), lang="ja"))
    assert got == {("Taoyuan", "Narita", "mou", "renewed", "2020-11-20"),
                   ("Taoyuan", "Narita", "mou", "established", "2016-11")}


def test_this_year_gives_way_to_the_day_within_it_that_the_clause_names(nlp):
    text = "金門縣政府與菲律賓宿霧省於2013年簽署的友好合作備忘錄，今年期滿後雙方決定續約五年，縣長陳福海昨日與宿霧省長葛溫雯簽署續約書。"
    got = ties(run(nlp, text, published=dt.date(2018, 3, 12), lang="zh"))
    assert ("Kinmen", "Cebu", "mou", "renewed", "2018-03-11") in got


def test_a_council_that_scraps_one_tie_and_signs_another_pairs_each_partner_with_its_verb(nlp):
    text = ("Prague's city council voted in 2019 to scrap a sister-city agreement with Beijing, and months later "
            "signed one with Taipei.")
    got = {(a, b, e) for a, b, _, e, _ in ties(run(nlp, text, published=dt.date(2021, 6, 2)))}
    assert ("Taipei", "Prague", "established") in got
    assert not any(a == "Taipei" and e == "terminated" for a, _, e in got)


def test_a_friendly_city_for_pedestrians_is_no_friendship_tie(nlp):
    text = ("Taipei and Seoul inked an agreement on youth affairs on Monday (Sept. 25). Chiang said ties between "
            "Taipei and Seoul have been strong since the two became sister cities in 1968, and praised Oh's "
            "efforts to make Seoul a friendly city for pedestrians.")
    got = ties(run(nlp, text, published=dt.date(2023, 9, 26)))
    assert {r for _, _, r, _, _ in got} <= {"sister", "cooperation", "mou"}


def test_their_agreement_is_of_the_kind_the_pair_holds_not_one_mooted_with_a_third(nlp):
    text = ("A delegation from Hsinchu County visited Howard County, Maryland, last week to celebrate 20 years of "
            "sister county ties. Howard County Executive Calvin Ball hosted the group, which also met officials "
            "from Montgomery County to discuss a possible friendship agreement. The two counties first signed "
            "their agreement in 2003.")
    got = {t for t in ties(run(nlp, text, published=dt.date(2023, 8, 21))) if t[0] == "Hsinchu County"}
    assert ("Hsinchu County", "Howard County", "sister", "established", "2003") in got
    assert not any(r == "friendship" for _, _, r, _, _ in got)


def test_headlines_under_related_news_state_no_tie_of_the_page(nlp):
    text = ("Taoyuan welcomes Guam delegation\n"
            "Chang said Taoyuan and Guam signed a sister city agreement in 2022 and have since cooperated on tourism.\n"
            "Related News\n"
            "Taichung and Kumamoto renew friendship agreement\n"
            "May 3, 2023\n"
            "Kaohsiung mayor visits sister city Miami\n")
    assert {(a, b) for a, b, *_ in ties(run(nlp, text, published=dt.date(2023, 5, 10)))} == {("Taoyuan", "Guam")}


def test_prose_after_a_block_of_links_is_read_again():
    from extractors.boilerplate import blank_link_blocks, link_blocks

    text = ("Body of the story.\n\n相關新聞\n臺南市與日本金澤市簽署交流協定\n2024-03-01\n"
            "臺南與仙台自2006年締結友好城市以來，交流密切。\n")
    blanked = blank_link_blocks(text)
    assert len(blanked) == len(text) and "金澤" not in blanked and "相關新聞" not in blanked
    assert "臺南與仙台自2006年締結友好城市以來" in blanked
    assert len(link_blocks("No heading here.\nRelated news say little.\n")) == 0


def test_two_japanese_cities_joined_by_to_both_sign_with_the_taiwanese_one(nlp):
    got = ties(run(nlp, "1)01月11日 松江市と熊本市が高雄市と「友好交流協定」を締結", published=dt.date(2017, 12, 1), lang="ja"))
    assert {(a, b) for a, b, *_ in got} == {("Kaohsiung", "Matsue"), ("Kaohsiung", "Kumamoto")}


def test_a_bare_chinese_name_listed_after_a_city_of_its_country_is_a_city(nlp):
    text = "台北市曾與菲律賓馬尼拉市、美國休士頓及奧馬哈、芬蘭赫爾辛基等5市締結姊妹市。"
    got = {b for _, b, *_ in ties(run(nlp, text, published=dt.date(2019, 12, 24), lang="zh"))}
    assert {"Manila", "Houston", "Omaha", "Helsinki"} <= got


def test_a_bullet_of_a_prefectures_list_with_its_bracketed_year_and_kind_is_the_prefectures_tie(nlp):
    text = "鳥取県の海外交流地域\n・中国吉林省（1994年7月友好提携）\n・台湾台中市（2016年4月友好交流協定）\n"
    got = ties(run(nlp, text, published=dt.date(2016, 4, 12), lang="ja", url="https://www.pref.tottori.lg.jp/1234.htm"))
    assert ("Taichung", "Tottori", "friendship", "established", "2016-04") in got


def test_a_name_shared_with_china_is_of_the_one_foreign_country_the_story_names(nlp):
    text = "日本松江市長率團訪問宜蘭縣蘇澳鎮。此次蘇澳鎮與松江市特別簽訂「災害應變國際合作協定」。"
    got = {(a, b) for a, b, *_ in ties(run(nlp, text, published=dt.date(2025, 10, 2), lang="zh"))}
    assert got == {("Su'ao", "Matsue")}


def test_a_governor_abbreviated_gov_names_the_prefecture(nlp):
    text = ("Nagasaki Gov. Kengo Oishi and Taipei Mayor Chiang Wan-an on Wednesday signed a memorandum of "
            "understanding on tourism.")
    [m] = run(nlp, text, published=dt.date(2024, 2, 7))
    assert (m.a.name, m.b.name, m.b.level.value) == ("Taipei", "Nagasaki", "prefecture")


def test_a_taiwanese_item_of_a_partner_citys_inline_list_pairs_with_that_city_only(nlp):
    text = ("Twin cities of Pécs\nPécs maintains partnerships with the following cities: Fellbach (Germany, 1986), "
            "Graz (Austria, 1989), Kaohsiung (Taiwan, 2009), Lyon (France, 1992), Seattle (USA, 2005).\n")
    got = ties(run(nlp, text, published=dt.date(2019, 4, 10)))
    assert {(a, b, d) for a, b, _, _, d in got} == {("Kaohsiung", "Pécs", "2009")}


def test_a_program_approved_with_a_sister_city_leaves_the_tie_established(nlp):
    text = ("Winnipeg city council on Tuesday approved a youth exchange program with Taichung, the Taiwanese city "
            "that has been its sister city since 1982.")
    assert ties(run(nlp, text, published=dt.date(2018, 5, 22))) == {
        ("Taichung", "Winnipeg", "sister", "established", "1982")}


def test_an_anniversary_marked_on_a_weekday_dates_the_founding_by_year_only(nlp):
    text = ("Yilan, Nov. 12 (CNA) Yilan County and the Japanese city of Toyama on Sunday marked the 10th "
            "anniversary of their friendship pact.")
    got = ties(run(nlp, text, published=dt.date(2018, 11, 12)))
    assert ("Yilan", "Toyama", "friendship", "established", "2008") in got


def test_a_mayor_named_with_an_accent_names_the_city_before_the_title(nlp):
    text = ("Asunción Mayor Óscar Rodríguez and Taipei Deputy Mayor Lee Szu-chuan signed a renewal of the "
            "sister-city agreement between the two capitals on Monday, 30 years after it was first signed.")
    got = ties(run(nlp, text, published=dt.date(2023, 2, 14)))
    assert ("Taipei", "Asunción", "sister", "renewed", "2023-02-13") in got


def test_two_foreign_cities_named_as_someones_partners_are_not_each_others(nlp):
    text = ("Several city councilors yesterday urged the city government to review its sister city "
            "relationships, saying that many of them, including those with Manila and Houston, had become inactive.")
    assert not ties(run(nlp, text, published=dt.date(2020, 11, 10)))


def test_a_mayors_trip_signs_with_the_government_after_the_last_clauses_with(nlp):
    text = ("台中市長盧秀燕率團訪問日本，18日先抵達東京，拜會東京都議會議員，19日轉往仙台市參觀智慧城市建設，"
            "20日在山形縣廳與山形縣知事吉村美榮子簽署友好交流協定。")
    got = ties(run(nlp, text, published=dt.date(2024, 5, 20), lang="zh"))
    assert got == {("Taichung", "Yamagata", "friendship", "established", "2024-05-20")}
    [m] = run(nlp, text, published=dt.date(2024, 5, 20), lang="zh")
    assert m.b.level.value == "prefecture"


def test_an_upgrade_renews_as_the_new_kind_and_the_founding_keeps_the_old_one(nlp):
    text = ("Tainan and Sendai last month upgraded their friendship city relationship, which began in 2006, to a "
            "sister city relationship, the Tainan City Government said yesterday.")
    got = ties(run(nlp, text, published=dt.date(2024, 4, 2)))
    assert got == {("Tainan", "Sendai", "sister", "renewed", "2024-03"),
                   ("Tainan", "Sendai", "friendship", "established", "2006")}


def test_a_japanese_town_written_in_traditional_characters_is_read_as_japan_writes_it(nlp):
    text = "嘉義縣與日本宮崎縣高千穗町去年底透過視訊簽署友好交流協定。"
    got = ties(run(nlp, text, published=dt.date(2022, 1, 10), lang="zh"))
    assert {(a, b) for a, b, *_ in got} == {("Chiayi County", "Takachiho")}


def test_this_years_count_after_a_japanese_founding_renews_the_tie_on_the_ceremonys_day(nlp):
    text = "与那国町と台湾花蓮市は、1982年10月8日に姉妹都市を締結しました。今年で42周年を迎え、10月8日に記念式典を花蓮市で開催しました。"
    got = ties(run(nlp, text, published=dt.date(2024, 10, 9), lang="ja"))
    assert ("Hualien City", "Yonaguni", "sister", "renewed", "2024-10-08") in got


def test_an_agreement_also_signed_on_a_subject_is_one_of_its_own(nlp):
    text = ("Yonaguni, an island town in Japan, became Hualien City's sister city in October 1982. "
            "In 2019 the two sides also signed an agreement on disaster relief.")
    got = ties(run(nlp, text, published=dt.date(2023, 11, 8)))
    assert got == {("Hualien City", "Yonaguni", "sister", "established", "1982-10"),
                   ("Hualien City", "Yonaguni", "cooperation", "established", "2019")}


def test_a_line_that_is_one_link_to_another_story_is_read_as_nothing(nlp):
    text = ("Hsinchu City and South Korea's Daejeon on Thursday signed a memorandum of understanding on smart city "
            "cooperation.\nAlso read: Taichung, Kumamoto sign friendship agreement\n"
            "The two cities became friendship cities in 2016.\n")
    got = {(a, b, r, d) for a, b, r, _, d in ties(run(nlp, text, published=dt.date(2023, 6, 2)))}
    assert got == {("Hsinchu City", "Daejeon", "mou", "2023-06-01"), ("Hsinchu City", "Daejeon", "friendship", "2016")}


def test_a_us_citys_site_under_its_states_full_name_is_the_citys(gaz):
    from extractors.page_owner import page_owner

    assert page_owner("https://www.murray.utah.gov/AgendaCenter/ViewFile/Minutes/1", gaz).name == "Murray"
    assert page_owner("https://www.texas.gov/", gaz) is None


def test_a_city_councils_approval_on_its_own_site_pairs_the_city_with_each_partner(nlp):
    text = "In 2021 the City Council approved friendship city relationships with Taichung and New Taipei City in Taiwan."
    got = ties(run(nlp, text, published=dt.date(2021, 7, 1), url="https://www.cupertino.org/our-city/sister-cities"))
    assert got == {("Taichung", "Cupertino", "friendship", "proposed", "2021"),
                   ("New Taipei", "Cupertino", "friendship", "proposed", "2021")}


def test_a_renewal_recommended_for_approval_is_proposed_and_dates_the_original_signing(nlp):
    text = ("SUBJECT: RENEWAL OF SISTER CITY AGREEMENT WITH KEELUNG CITY, TAIWAN\n"
            "RECOMMENDATION: That the City Council approve the renewal of the Sister City Agreement with Keelung "
            "City, Taiwan, originally executed on March 3, 1999.")
    got = ties(run(nlp, text, published=dt.date(2019, 2, 5), url="https://www.cityofrosemead.org/agenda/2019-02-05"))
    assert {(e, d) for _, _, _, e, d in got} >= {("established", "1999-03-03")}
    assert "renewed" not in {e for _, _, _, e, _ in got}


def test_a_first_signing_told_after_a_renewal_is_the_founding(nlp):
    text = "新竹縣長楊文科5日與來訪的日本岡山縣知事伊原木隆太續簽友好交流備忘錄。雙方於2017年首度簽署備忘錄，此次續簽效期5年。"
    got = ties(run(nlp, text, published=dt.date(2023, 9, 5), lang="zh"))
    assert got == {("Hsinchu County", "Okayama", "mou", "renewed", "2023-09-05"),
                   ("Hsinchu County", "Okayama", "mou", "established", "2017")}


def test_a_commonwealths_full_name_names_its_country_and_no_town_called_commonwealth(nlp):
    text = ("Commonwealth of the Northern Mariana Islands Gov. Arnold Palacios and Kaohsiung Mayor Chen Chi-mai "
            "signed a tourism cooperation agreement in Kaohsiung on Wednesday, aiming to restore direct flights "
            "between Saipan and Kaohsiung.")
    got = run(nlp, text, published=dt.date(2024, 1, 25))
    assert got and all(m.b.country == "MP" for m in got)


def test_an_agreement_signed_in_a_year_dates_the_tie_even_in_a_clause_about_the_future(nlp):
    text = ("Governor Ikuo Kabashima of Kumamoto Prefecture visited Taichung City from November 18 to 20. During "
            "the visit, he met Mayor Lu Shiow-yen and confirmed that the two sides would continue exchanges under "
            "the friendship agreement signed in 2018.")
    got = ties(run(nlp, text, published=dt.date(2019, 11, 20)))
    assert ("Taichung", "Kumamoto", "friendship", "established", "2018") in got


def test_a_gift_to_a_sister_city_names_the_tie_without_dating_it(nlp):
    text = "屏東縣政府今天宣布捐贈5萬片口罩給姊妹市美國德州福遍郡，感謝福遍郡長期支持。"
    got = ties(run(nlp, text, published=dt.date(2021, 5, 12), lang="zh"))
    assert got == {("Pingtung", "Fort Bend County", "sister", "established", None)}


def test_a_later_chinese_clause_adding_memoranda_with_two_partners_states_its_own_event(nlp):
    text = ("盧秀燕上任以來，台中市陸續與日本青森縣、岐阜縣續簽友好交流協定，並新增與捷克布爾諾市、美國聖安東尼奧市的合作備忘錄。")
    got = {(a, b, r, e) for a, b, r, e, _ in ties(run(nlp, text, published=dt.date(2024, 7, 3), lang="zh"))}
    assert got == {("Taichung", "Aomori", "friendship", "renewed"), ("Taichung", "Gifu", "friendship", "renewed"),
                   ("Taichung", "Brno", "mou", "established"), ("Taichung", "San Antonio", "mou", "established")}


def test_exhibition_games_are_sport_not_culture(nlp):
    text = ("Youth baseball teams from Tainan and its friendship city Sendai will play a series of exhibition games "
            "in July, the Tainan City Government announced Tuesday.")
    [m] = run(nlp, text, published=dt.date(2023, 3, 28))
    assert "culture_arts" not in {t.value for t in m.themes}


def test_an_agreement_named_for_its_field_stands_beside_the_older_friendship_tie(nlp):
    text = ("台南市政府與日本栃木縣日光市今（16）日簽署觀光交流協定，由台南市長黃偉哲與日光市長大嶋一生共同簽署。"
            "兩市早在2008年即締結友好城市。")
    got = {(r, e, d) for _, _, r, e, d in ties(run(nlp, text, published=dt.date(2020, 1, 16), lang="zh"))}
    assert got == {("cooperation", "established", "2020-01-16"), ("friendship", "established", "2008")}
