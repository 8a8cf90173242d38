"""Who is a party to a tie a sentence names, on texts written here: a tie
denied after its cue in Japanese, one asked about and refused, one signed
with a firm, a ceremony's city that is only its scene, a place that owns the
partner with a possessive, and two parallel clauses of two kinds of tie."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.gazetteer.index import load_gazetteer
from models.settings import Settings
from conftest import run, ties as _ties


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings().cache_dir)


def _pairs(found) -> set[tuple[str, str]]:
    return {(m.a.name, m.b.name) for m in found}


@pytest.mark.parametrize("text", [
    "那覇市と台北市の間には姉妹都市提携はないが、民間の交流は続いている。",
    "那覇市は台北市と姉妹都市ではありません。",
])
def test_a_japanese_tie_denied_after_its_cue_is_no_tie(nlp, text):
    assert not _pairs(run(nlp, text, lang="ja"))


def test_a_tie_denied_in_one_clause_leaves_the_next_clauses_tie(nlp):
    got = _ties(run(nlp, "宜野湾市は台湾の桃園市と姉妹都市ではないが、2020年に友好交流協定を締結した。", lang="ja"))
    assert got == {("Taoyuan", "Ginowan", "friendship", "established", "2020")}


def test_a_tie_asked_about_and_refused_is_none(nlp):
    text = ("Councilors asked whether Taichung would pursue a sister city agreement with Xiamen, but the city "
            "government said it had no such plan. Taichung signed a friendship agreement with Sendai in 2019.")
    assert _pairs(run(nlp, text)) == {("Taichung", "Sendai")}


def test_a_tie_only_asked_about_is_at_most_proposed(nlp):
    found = run(nlp, "Councilors asked whether Taichung would pursue a sister city agreement with Xiamen.")
    assert {m.event.value for m in found} <= {"proposed"}


@pytest.mark.parametrize("text", [
    "Delegations from Chiayi County and Kumamoto Prefecture both visited Tokyo last week for the food fair, "
    "where Chiayi signed a marketing agreement with SoftBank Corp.",
    "Officials from Yilan County and Fukuoka Prefecture attended the fair, where Yilan County signed a purchase "
    "agreement with Japanese retailer Aeon.",
])
def test_an_agreement_with_a_firm_ties_no_two_governments(nlp, text):
    assert not _pairs(run(nlp, text))


def test_a_tie_with_a_firm_of_a_city_is_not_with_the_city(nlp):
    assert not _pairs(run(nlp, "桃園市政府今天與日本東京的軟銀集團簽署合作備忘錄，將在青埔推動自駕巴士試營運。", lang="zh"))


@pytest.mark.parametrize("text, lang", [
    ("Kagoshima and Miyazaki prefectures signed a tourism pact in Taipei on Wednesday.", "en"),
    ("日本鹿兒島縣與宮崎縣今天在台北簽署觀光推廣合作協定，盼吸引更多台灣旅客。", "zh"),
    ("鹿児島県と宮崎県は21日、台北市内のホテルで観光連携協定を締結した。", "ja"),
])
def test_the_city_a_signing_took_place_in_is_no_party_beside_two_others(nlp, text, lang):
    assert not any("Taipei" in pair for pair in _pairs(run(nlp, text, lang=lang)))


def test_the_host_city_beside_one_other_government_is_still_a_party(nlp):
    found = run(nlp, "Taipei Mayor Ko Wen-je and Phoenix Mayor Greg Stanton signed an accord in Taipei yesterday.")
    assert ("Taipei", "Phoenix") in _pairs(found)


def test_a_weekday_before_a_prefecture_is_no_town(nlp):
    found = run(nlp, "At a ceremony in Taipei on Wednesday, Kagoshima and Miyazaki prefectures signed a tourism pact.")
    assert not any("Wednesday" in pair for pair in _pairs(found))


@pytest.mark.parametrize("text", [
    "Tainan signed a friendship agreement with Furano, Hokkaido in 2019.",
    "Tainan signed a friendship agreement with Hokkaido's Furano in 2019.",
])
def test_a_small_town_and_its_prefecture_vouch_for_each_other(nlp, text):
    assert _ties(run(nlp, text)) == {("Tainan", "Furano", "friendship", "established", "2019")}


def test_a_place_owning_the_partner_only_locates_it(nlp):
    found = run(nlp, "Hsinchu County signed a friendship agreement with Okayama's Kurashiki in 2018.")
    assert _pairs(found) == {("Hsinchu County", "Kurashiki")}


def test_parallel_clauses_keep_their_own_kind_of_tie(nlp):
    text = ("Tainan signed a friendship agreement with Hokkaido's Furano in 2019, and Kaohsiung has been a sister "
            "city of Osaka's neighbour Sakai since 2014.")
    assert _ties(run(nlp, text)) == {("Tainan", "Furano", "friendship", "established", "2019"),
                                     ("Kaohsiung", "Sakai", "sister", "established", "2014")}


@pytest.mark.parametrize("text, partner", [
    ("Taoyuan and Guam signed a sister city agreement in December 2021. Chang said Taoyuan would also like to "
     "establish ties with Saipan in the Northern Mariana Islands.", "Saipan"),
    ("New Taipei City and Ho Chi Minh City signed a memorandum of understanding on Friday. Deputy Mayor Liu "
     "He-jan said the city would also seek ties with Hanoi.", "Hanoi"),
])
def test_seeking_ties_with_a_city_proposes_a_tie(nlp, text, partner):
    assert any(m.b.name == partner and m.event.value == "proposed" for m in run(nlp, text))


def test_diplomatic_ties_of_a_nation_are_no_tie_of_a_city(nlp):
    assert not run(nlp, "Taiwan hopes to establish diplomatic ties with Honduras again, the minister said in Taipei.")


def test_seeking_ties_takes_the_kind_named_the_sentence_before(nlp):
    text = ("The Oxford City Council on Monday passed a motion to establish a twinning agreement with a Taiwanese "
            "city.\nThe Taichung City Government on Tuesday said that it would seek assistance from The Taipei "
            "Representative Office in the UK and from the British Office Taipei to help establish ties with Oxford.")
    got = {(a, b, rel, event) for a, b, rel, event, _ in _ties(run(nlp, text))}
    assert got == {("Taichung", "Oxford", "sister", "proposed")}  # (no Taipei: two offices are named after it)


def test_a_region_joined_by_a_hyphen_is_no_town(nlp):
    text = ("Taichung and Gifu Prefecture signed a friendship exchange agreement in 2016.\n"
            "Related news\nTaichung hosts Asia-Pacific smart city forum")
    assert _pairs(run(nlp, text)) == {("Taichung", "Gifu")}


def test_both_sides_signing_in_a_later_clause_is_a_tie_of_its_own_dated_by_the_clause_before(nlp):
    text = "今年適逢新北市與日本神奈川縣締結友好交流協定8週年，神奈川縣知事黑岩祐治今天率團訪問新北市，雙方並簽署防災合作備忘錄。"
    got = _ties(run(nlp, text, lang="zh"))
    assert ("New Taipei", "Kanagawa", "mou", "established", "2024-03-25") in got
    assert ("New Taipei", "Kanagawa", "friendship", "established", "2016") in got


def test_a_councils_motion_on_its_own_site_speaks_for_the_town(nlp):
    text = ("Council member Smith moved to approve the Memorandum of Understanding with Hsinchu City, Taiwan, to "
            "explore a sister city relationship. The motion passed unanimously.")
    got = {(a, b, rel, event) for a, b, rel, event, _ in _ties(run(
        nlp, text, url="https://www.townofcary.org/minutes/2022-03-01", outlet="Town of Cary"))}
    assert got == {("Hsinchu City", "Cary", "mou", "proposed")}


def test_each_item_of_a_japanese_list_keeps_its_own_bracketed_year(nlp):
    text = ("本県は、台湾の台中市（2016年）、ブラジルのミナスジェライス州（1972年）、アメリカのケンタッキー州（1991年）と"
            "友好提携を結んでいます。")
    got = _ties(run(nlp, text, lang="ja", url="https://www.pref.gifu.lg.jp/page/100001.html"))
    assert {(a, b, date) for a, b, _, _, date in got} == {("Taichung", "Gifu", "2016")}


def test_a_japanese_tie_under_consideration_is_proposed(nlp):
    found = run(nlp, "北海道富良野市は、台湾の台南市との姉妹都市提携について検討を始めた。", lang="ja")
    assert {(m.b.name, m.relation.value, m.event.value) for m in found} == {("Furano", "sister", "proposed")}


def test_a_japanese_clause_renewing_the_tie_concluded_before_it_is_a_second_record(nlp):
    got = _ties(run(nlp, "熊本県と高雄市は2017年に友好交流協定を結び、2023年には更新した。", lang="ja"))
    assert got == {("Kaohsiung", "Kumamoto", "friendship", "established", "2017"),
                   ("Kaohsiung", "Kumamoto", "friendship", "renewed", "2023")}


def test_a_passage_about_a_sides_other_ties_does_not_date_this_one(nlp):
    text = ("加賀市は19日、台湾・桃園市と友好都市協定を締結した。\n鄭市長は「加賀市は桃園市が初めて交流協定を結んだ相手」と話した。\n"
            "加賀市は2014年7月に台南市と友好都市、高雄市と観光交流都市の各協定を結び、台湾各都市との交流に力を入れている。")
    got = _ties(run(nlp, text, lang="ja", published=dt.date(2016, 5, 20)))
    assert ("Taoyuan", "Kaga", "friendship", "established", "2016-05-19") in got
    assert not any(a == "Taoyuan" and date == "2014-07" for a, _, _, _, date in got)


def test_a_governors_title_after_the_prefecture_is_no_town(nlp):
    text = "台湾高雄市长陈其迈与日本熊本县知事木村敬今天签署友好交流协议，双方将在半导体产业、观光及教育领域加强合作。"
    assert _pairs(run(nlp, text, lang="zh")) == {("Kaohsiung", "Kumamoto")}


def test_simplified_joining_words_start_a_name(nlp):
    got = _ties(run(nlp, "新北市与加州尔湾市亦于2019年签署友好城市协议。新北市也与奥兰治县政府签署合作备忘录。", lang="zh"))
    assert {(a, b) for a, b, _, _, _ in got} == {("New Taipei", "Irvine"), ("New Taipei", "Orange County")}


def test_a_city_its_prefecture_places_before_mayor_is_the_city_not_a_surname(nlp):
    text = ("嘉義市長黃敏惠今（8）日接見日本三重縣伊賀市長稲森稔尚一行，雙方回顧2019年簽署觀光交流協定以來的合作成果。"
            "黃敏惠表示，嘉義市也與日本岐阜縣高山市維持友好關係。")
    assert ("Chiayi City", "Iga") in _pairs(run(nlp, text, lang="zh"))


def test_the_agreement_named_in_the_next_japanese_sentence_dates_its_founding(nlp):
    text = "石垣市と台湾の基隆市は7日、観光交流協定を5年間延長することで合意し、更新の調印式を行った。協定は2020年に締結された。"
    got = _ties(run(nlp, text, lang="ja", published=dt.date(2025, 4, 7)))
    assert ("Keelung", "Ishigaki", "cooperation", "established", "2020") in got
    assert ("Keelung", "Ishigaki", "cooperation", "renewed", "2025-04-07") in got


def test_years_after_a_founding_count_back_from_the_day_told(nlp):
    text = ("Mayors of Hsinchu City and Cupertino reaffirmed their sister city ties during a video call on Friday, "
            "26 years after the two cities first became sister cities.")
    got = _ties(run(nlp, text, published=dt.date(2025, 4, 5)))
    assert got == {("Hsinchu City", "Cupertino", "sister", "renewed", "2025-04-04"),
                   ("Hsinchu City", "Cupertino", "sister", "established", "1999")}


@pytest.mark.parametrize("text, district", [
    ("台北市信義區公所今天與韓國首爾市江南區廳簽署友好交流協定。", "Gangnam District"),
    ("高雄市旗津區與韓國釜山廣域市南區簽署友好交流協定。", "Nam District"),
])
def test_a_korean_district_named_like_a_chinese_one_is_read_after_its_city(nlp, text, district):
    assert {m.b.name for m in run(nlp, text, lang="zh")} == {district}


def test_a_korean_district_name_alone_is_not_read_as_korean(gaz):
    assert gaz.table.chinese("江南區") is None and gaz.table.chinese_in("江南區", "Seoul").name == "Gangnam District"


def test_a_philippine_provincial_board_acts_for_its_province(nlp):
    text = ("The Cebu Provincial Board on Wednesday approved a resolution authorizing Governor Gwendolyn Garcia to "
            "sign a sister province agreement with Taoyuan City in Taiwan.")
    got = {(a, b, event) for a, b, _, event, _ in _ties(run(nlp, text))}
    assert len(got) == 1 and next(iter(got))[0] == "Taoyuan" and "Cebu" in next(iter(got))[1] \
        and next(iter(got))[2] == "proposed"


def test_a_row_naming_the_kind_after_a_dash_is_no_dateline(nlp):
    text = ("Sister Cities and Friendship Cities\nHachioji has exchange relationships with the following cities.\n"
            "Kaohsiung City (Taiwan) - Friendship City Agreement signed November 2006\n"
            "Suwon City (South Korea) - Friendship City since 2006")
    got = _ties(run(nlp, text, url="https://www.city.hachioji.tokyo.jp/english/sister/index.html"))
    assert ("Kaohsiung", "Hachiōji", "friendship", "established", "2006-11") in got


def test_a_friendship_and_exchange_agreement_is_a_friendship_tie(nlp):
    got = _ties(run(nlp, "Kanazawa concluded a friendship and exchange agreement with Tainan City, Taiwan, in 2020."))
    assert got == {("Tainan", "Kanazawa", "friendship", "established", "2020")}


def test_a_head_named_by_surname_speaks_for_the_place_named_with_the_full_name(nlp):
    text = ("臺中市長盧秀燕率市府團隊訪問美國。訪問期間，盧市長於24日與加州沙加緬度市長史坦柏格簽署智慧農業合作備忘錄，"
            "26日則在西雅圖與華盛頓州金郡（King County）郡長簽署經貿交流合作意向書。")
    got = _ties(run(nlp, text, lang="zh", published=dt.date(2025, 9, 30)))
    assert got == {("Taichung", "Sacramento", "mou", "established", "2025-09-24"),
                   ("Taichung", "King County", "mou", "established", "2025-09-26")}


def test_a_gloss_does_not_override_the_division_written_in_chinese(nlp):
    [m] = [m for m in run(nlp, "高雄市與華盛頓州金郡（King County）簽署合作備忘錄。", lang="zh")]
    assert (m.b.name, m.b.admin1) == ("King County", "Washington")


def test_a_head_named_in_full_then_by_one_name_signs_for_the_place(nlp):
    text = ("Taichung Mayor Lu Shiow-yen led a city delegation to the US. During the trip, Lu signed a smart "
            "agriculture memorandum of understanding with Sacramento Mayor Darrell Steinberg on Sept. 24, and a "
            "letter of intent on trade with King County Executive Dow Constantine in Seattle two days later.")
    found = run(nlp, text, published=dt.date(2025, 9, 30))
    assert {(m.a.name, m.b.name, m.b.admin1) for m in found} == {("Taichung", "Sacramento", "California"),
                                                                ("Taichung", "King County", "Washington")}


def test_an_anniversary_still_ahead_renews_nothing_yet(nlp):
    text = ("Tainan Mayor Huang Wei-che met Sendai Mayor Kazuko Kori on Wednesday. Huang and Kori agreed to expand "
            "youth exchanges ahead of the 20th anniversary of the friendship agreement their cities signed in 2006.")
    got = _ties(run(nlp, text, published=dt.date(2025, 10, 2)))
    assert got == {("Tainan", "Sendai", "friendship", "established", "2006")}


def test_a_chinese_tie_one_will_sign_is_proposed(nlp):
    found = run(nlp, "布拉格市議會今天通過決議，解除與北京的姊妹市關係，並將與台北市締結姊妹市。", lang="zh")
    assert {(m.b.name, m.event.value) for m in found if m.a.name == "Taipei"} == {("Prague", "proposed")}


def test_a_suspended_memorandum_is_a_termination_and_its_signing_year_a_founding(nlp):
    got = _ties(run(nlp, "上海市宣布凍結與台北市的雙城論壇交流，雙方2010年簽署的合作備忘錄暫停執行。", lang="zh"))
    assert got == {("Taipei", "Shanghai", "mou", "terminated", None), ("Taipei", "Shanghai", "mou", "established", "2010")}


def test_japanese_both_parties_refer_back_to_the_pair(nlp):
    text = "新型コロナの影響で、宮崎県と台湾・台中市の交流は中断していたが、今年再開した。両者は2017年に交流協定を締結している。"
    assert ("Taichung", "Miyazaki", "cooperation", "established", "2017") in _ties(run(nlp, text, lang="ja"))


def test_a_japanese_citys_piped_table_rows_pair_with_the_site_owner(nlp):
    text = ("姉妹都市・友好都市一覧\n| 都市名 | 国・地域 | 提携年月日 | 区分 |\n|---|---|---|---|\n"
            "| 吉林市 | 中国 | 1983年4月21日 | 友好都市 |\n| 台南市 | 台湾 | 2017年2月18日 | 友好交流都市 |")
    got = _ties(run(nlp, text, lang="ja", url="https://www.city.yamagata-yamagata.lg.jp/kurashi/kokusai/1001.html"))
    assert ("Tainan", "Yamagata", "friendship", "established", "2017-02-18") in got


@pytest.mark.parametrize("text, lang", [
    ("Under their sister city agreement, Tainan and Sendai held a joint disaster drill on Monday.", "en"),
    ("台南市與仙台市依據雙方友好交流協定，今天舉行聯合防災演練。", "zh"),
    ("台湾・台南市の黄偉哲市長ら訪問団が1日、山形市を訪れた。黄市長は佐藤孝弘市長と会談し、両市の友好交流協定に基づく教育旅行の拡充で一致した。", "ja"),
])
def test_work_done_under_a_tie_in_force_does_not_date_the_tie(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert found and all(m.date is None for m in found)


def test_the_same_day_is_the_day_a_sentence_before_gives(nlp):
    text = ("台湾・台南市の黄偉哲市長ら訪問団が1日、山形市を訪れた。黄市長は佐藤孝弘市長と会談した。"
            "黄市長は同日、山形県の吉村美栄子知事とも面会し、観光分野での覚書に署名した。")
    got = _ties(run(nlp, text, lang="ja", published=dt.date(2025, 10, 2)))
    assert ("Tainan", "Yamagata", "mou", "established", "2025-10-01") in got


def test_dash_joined_pairs_each_take_their_brackets_kind_and_year(nlp):
    text = ("Among the best known are Aomori Prefecture–Taichung (friendship, 2017), Kumamoto Prefecture–Kaohsiung "
            "(friendship, 2017), Shizuoka City–Taoyuan (MOU, 2015) and Hachioji–Kaohsiung (friendship, 2006).")
    assert _ties(run(nlp, text)) == {("Taichung", "Aomori", "friendship", "established", "2017"),
                                     ("Kaohsiung", "Kumamoto", "friendship", "established", "2017"),
                                     ("Taoyuan", "Shizuoka", "mou", "established", "2015"),
                                     ("Kaohsiung", "Hachiōji", "friendship", "established", "2006")}


def test_chinese_dash_joined_pairs_pair_nothing_across(nlp):
    text = "台日地方政府交流日益密切，例如青森縣─台中市（2017年友好交流協定）、熊本縣─高雄市（2017年友好交流協定）、靜岡市─桃園市（2015年備忘錄）等。"
    got = {(a, b, date) for a, b, _, _, date in _ties(run(nlp, text, lang="zh"))}
    assert got == {("Taichung", "Aomori", "2017"), ("Kaohsiung", "Kumamoto", "2017"), ("Taoyuan", "Shizuoka", "2015")}


def test_a_philippine_dateline_city_is_this_city_and_the_site_names_the_country(nlp):
    text = ("Legazpi, Taiwan's Hualien ink sister-city pact\nLEGAZPI CITY – This city and Hualien County in eastern "
            "Taiwan on Saturday inked a sister-city agreement covering tourism and disaster preparedness.")
    found = run(nlp, text, url="https://www.pna.gov.ph/articles/1300001", published=dt.date(2025, 6, 1))
    assert {(m.a.name, m.b.country, m.relation.value, m.date.iso() if m.date else None) for m in found} == {
        ("Hualien", "PH", "sister", "2025-05-31")}


def test_sister_cities_day_is_no_county(nlp):
    text = "Mayor Corey Woods proclaimed June 3 as Tempe-Kaohsiung Sister Cities Day, marking 25 years of ties."
    assert {m.b.name for m in run(nlp, text)} <= {"Tempe"}


def test_a_country_code_domain_names_the_sites_country():
    from extractors.urls import site_country

    assert [site_country(u) for u in ("https://www.pna.gov.ph/a", "https://www.bbc.co.uk/x", "https://x.io/",
                                      "https://focustaiwan.tw/a", "https://example.com/", None)] == [
        "PH", "GB", None, "TW", None, None]


def test_two_lists_of_one_subject_keep_their_own_kinds(nlp):
    text = ("Taichung's sister cities include Sacramento (1989), Winnipeg (1982) and Santa Ana (1979), while its "
            "friendship cities include Aomori Prefecture and Gifu Prefecture.")
    got = {(b, rel) for _, b, rel, _, _ in _ties(run(nlp, text))}
    assert got == {("Sacramento", "sister"), ("Winnipeg", "sister"), ("Santa Ana", "sister"),
                   ("Aomori", "friendship"), ("Gifu", "friendship")}


def test_chinese_names_listed_with_a_comma_share_the_kind_named_after_them(nlp):
    text = "台中市已與美國沙加緬度市、加拿大溫尼伯市締結姊妹市，並與日本青森縣、岐阜縣締結友好城市。"
    got = {(b, rel) for _, b, rel, _, _ in _ties(run(nlp, text, lang="zh"))}
    assert got == {("Sacramento", "sister"), ("Winnipeg", "sister"), ("Aomori", "friendship"), ("Gifu", "friendship")}


def test_a_town_geonames_lacks_owns_its_site_and_pairs_with_its_partner(nlp):
    got = _ties(run(nlp, "竹富町は2025年2月1日、台湾・屏東県恒春鎮と友好交流協定を締結しました。", lang="ja",
                    url="https://www.town.taketomi.lg.jp/kouryu/taiwan.html"))
    assert got == {("Hengchun", "Taketomi", "friendship", "established", "2025-02-01")}


def test_an_agreement_whose_parties_line_has_no_between_is_still_an_agreement(nlp):
    text = ("SISTER COUNTY AGREEMENT\nCollin County, State of Texas, U.S.A. and Yunlin County, Taiwan (Republic of China)\n"
            "Whereas both counties wish to promote mutual understanding, the Commissioners Court of Collin County and the "
            "Yunlin County Government hereby agree to establish a sister county relationship.\n"
            "Executed this 8th day of October, 2019.")
    got = _ties(run(nlp, text))
    assert got == {("Yunlin", "Collin County", "sister", "established", "2019-10-08")}


def test_a_news_headline_naming_an_agreement_is_no_agreement_document(nlp):
    from extractors.agreements import is_agreement

    assert not is_agreement("YUNLIN, COLLIN COUNTY SIGN SISTER COUNTY AGREEMENT\nYunlin and Collin County signed on Monday.")
    assert not is_agreement("YUNLIN, COLLIN COUNTY SIGN SISTER COUNTY AGREEMENT\nBy Staff Writer and Agencies")


def test_a_piped_table_on_a_partners_own_site_pairs_each_taiwanese_row_with_the_owner(nlp):
    text = ("Sister Cities\n| Sister City | Country | Year Established |\n|---|---|---|\n| Matsuyama | Japan | 1981 |\n"
            "| Taichung | Taiwan | 1989 |\n| Manila | Philippines | 2009 |")
    got = _ties(run(nlp, text, url="https://www.cityofsacramento.gov/sister-cities"))
    assert got == {("Taichung", "Sacramento", "sister", "established", "1989")}


def test_a_kind_cell_gives_the_rows_own_kind(nlp):
    text = ("Sister and Friendship Cities\nCity | Country | Type | Date\nKaohsiung | Taiwan | Friendship | 2010.05.12\n"
            "Munakata | Japan | Sister | 1992.10.08")
    got = _ties(run(nlp, text, url="https://www.gimhae.go.kr/english/relations"))
    assert got == {("Kaohsiung", "Gimhae", "friendship", "established", "2010-05-12")}


def test_a_table_aligned_with_spaces_has_kind_cells_too(nlp):
    text = "Sister and Friendship Cities\nKaohsiung     Taiwan     Friendship     2010\nMunakata      Japan      Sister         1992"
    got = _ties(run(nlp, text, url="https://www.changwon.go.kr/english/relations"))
    assert got == {("Kaohsiung", "Changwon", "friendship", "established", "2010")}


def test_the_us_city_refers_back_to_the_american_place_just_named(nlp):
    text = ("Kaohsiung Mayor Chen Chi-mai yesterday received a delegation from Miami, Florida. The US city became "
            "Kaohsiung's sister city in 2009.")
    assert _ties(run(nlp, text)) == {("Kaohsiung", "Miami", "sister", "established", "2009")}


def test_a_headlines_comma_joins_a_small_partner_to_a_taiwanese_one(nlp):
    got = _ties(run(nlp, "Hualien, Yonaguni mark 40 years of sisterhood", published=dt.date(2022, 9, 10)))
    assert got == {("Hualien", "Yonaguni", "sister", "renewed", "2022"),
                   ("Hualien", "Yonaguni", "sister", "established", "1982")}


def test_a_japanese_headlines_closing_name_is_its_subject(nlp):
    assert _pairs(run(nlp, "台湾・嘉義市と友好都市協定　伊賀市", lang="ja")) == {("Chiayi City", "Iga")}


def test_an_english_sentence_glossing_names_in_chinese_keeps_its_english_clauses(nlp):
    text = ("Taichung Mayor Lu Shiow-yen (盧秀燕) and Gifu Prefecture (岐阜縣) Governor Hajime Furuta signed a tourism "
            "memorandum yesterday, adding to the friendship agreement the two sides signed in 2016.")
    got = _ties(run(nlp, text, published=dt.date(2025, 10, 14)))
    assert got == {("Taichung", "Gifu", "mou", "established", "2025-10-13"),
                   ("Taichung", "Gifu", "friendship", "established", "2016")}


def test_has_sister_ties_with_lists_the_subjects_partners_each_with_its_year(nlp):
    text = ("Taitung County Commissioner Rao Ching-ling (饒慶鈴) said the county has sister ties with Koror State in "
            "Palau (since 2008) and Ishigaki (since 2013), and friendship ties with Guam (since 2019).")
    got = {(b, rel, date) for _, b, rel, _, date in _ties(run(nlp, text))}
    assert got == {("Koror", "sister", "2008"), ("Ishigaki", "sister", "2013"), ("Guam", "friendship", "2019")}
