"""What a story says of its places after it first names them, on texts
written here: 'the British Columbia city' places the Richmond named before;
dates given 'respectively' go to the items in the order they were named."""

from __future__ import annotations

import datetime as dt

from conftest import run


def dates(found) -> dict[str, str | None]:
    return {m.b.name if m.a.country == "TW" else m.a.name: (m.date.iso() if m.date else None) for m in found}


# ---------------------------------------------------------------- the division a later reference names

def test_the_division_a_later_reference_names_places_the_city_named_before(nlp):
    text = ("Richmond city council on Monday approved a sister city agreement with Taichung. "
            "The British Columbia city already has sister ties with Wakayama in Japan.")
    found = run(nlp, text, published=dt.date(2024, 5, 10))
    richmond = [m.b for m in found if m.b.name == "Richmond"]
    assert richmond and {(p.country, p.admin1) for p in richmond} == {("CA", "British Columbia")}


def test_without_the_later_reference_the_better_known_namesake_stays(nlp):
    text = "Richmond city council on Monday approved a sister city agreement with Taichung."
    found = run(nlp, text, published=dt.date(2024, 5, 10))
    assert {m.b.country for m in found if m.b.name == "Richmond"} == {"US"}


def test_a_reference_to_a_division_another_place_lies_in_changes_nothing(nlp):
    text = ("Richmond and Houston sent delegations to Kaohsiung, which signed a sister city agreement with Richmond. "
            "The Texas city has been Kaohsiung's sister city since 1961.")
    found = run(nlp, text, published=dt.date(2024, 5, 10))
    assert {m.b.admin1 for m in found if m.b.name == "Richmond"} == {"Virginia"}


# ---------------------------------------------------------------- dates given 'respectively'

def test_years_given_respectively_go_to_the_partners_in_order(nlp):
    text = ("Pingtung County already has friendship ties with Ishigaki in Okinawa and with Guam, which it signed "
            "in 2017 and 2019 respectively.")
    assert dates(run(nlp, text, published=dt.date(2025, 10, 28))) == {"Ishigaki": "2017", "Guam": "2019"}


def test_three_years_respectively_after_three_partners_with_their_states(nlp):
    text = ("Taichung has sister city ties with Columbus, Ohio, Tulsa, Oklahoma and Winnipeg, Canada, signed in "
            "1990, 1992 and 2001, respectively.")
    assert dates(run(nlp, text)) == {"Columbus": "1990", "Tulsa": "1992", "Winnipeg": "2001"}


def test_chinese_years_after_fenbie_go_to_the_partners_in_order(nlp):
    text = "屏東縣與石垣市及關島分別於2017年及2019年締結友好關係。"
    assert dates(run(nlp, text, lang="zh")) == {"Ishigaki": "2017", "Guam": "2019"}


def test_years_respectively_of_two_taiwanese_signers_date_each_ones_tie(nlp):
    text = "Kumamoto and Oita signed friendship agreements with Kaohsiung in 2015 and 2018 respectively."
    assert dates(run(nlp, text)) == {"Kumamoto": "2015", "Ōita": "2018"}


# ---------------------------------------------------------------- what a tie became, what is still to be signed

def test_a_tie_that_began_as_a_memorandum_and_became_a_friendship_city_tie_was_upgraded(nlp):
    text = ("The partnership between Tainan and Sendai, which began with a tourism memorandum in 2006 and became a "
            "friendship city agreement in 2018, has produced school exchanges.")
    found = run(nlp, text, published=dt.date(2024, 2, 20))
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("established", "2006"), ("renewed", "2018")}


def test_a_japanese_city_that_decided_to_sign_has_not_signed_yet(nlp):
    text = "八王子市は、台湾の高雄市と姉妹都市の提携を結ぶことを決定しました。提携調印式は10月に高雄市で行う予定です。"
    found = run(nlp, text, published=dt.date(2022, 8, 1), lang="ja")
    assert found and {m.event.value for m in found} == {"proposed"}


def test_a_japanese_signing_ceremony_held_is_a_signing(nlp):
    text = "八王子市と台湾の高雄市は10日、姉妹都市提携の調印式を高雄市で行った。"
    found = run(nlp, text, published=dt.date(2022, 10, 11), lang="ja")
    assert {m.event.value for m in found} == {"established"}


# ---------------------------------------------------------------- Chinese: earlier partners, talks about a tie

def test_the_earlier_partners_a_chinese_release_lists_are_partners_too(nlp):
    text = ("新北市長侯友宜2日與日本群馬縣知事山本一太簽署友好交流協定。"
            "群馬縣是新北市在日本締結的第5個友好城市，前4個分別為神奈川縣、鳥取縣、大分縣及山形縣。")
    found = run(nlp, text, published=dt.date(2023, 11, 2), lang="zh")
    assert {m.b.name for m in found} == {"Gunma", "Kanagawa", "Tottori", "Oita", "Yamagata"}
    assert {m.a.name for m in found} == {"New Taipei"}


def test_a_copula_is_no_part_of_a_town_after_a_prefecture(nlp):
    text = "群馬縣是新北市在日本的友好城市。"
    found = run(nlp, text, lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("New Taipei", "Gunma")}


def test_talks_about_a_future_tie_in_chinese_are_a_proposal(nlp):
    text = ("高雄市長陳其邁率團訪問波蘭格但斯克市，與格但斯克市長會面，雙方同意持續推動港口城市交流，"
            "並討論未來締結友好城市的可能性。")
    found = run(nlp, text, published=dt.date(2025, 3, 5), lang="zh")
    assert found and {m.event.value for m in found} == {"proposed"}


def test_a_chinese_signing_both_sides_will_discuss_is_a_proposal(nlp):
    text = "台中市與美國奧斯汀市將研商締結姊妹市事宜。"
    found = run(nlp, text, lang="zh")
    assert found and {m.event.value for m in found} == {"proposed"}


# ---------------------------------------------------------------- a person's aside speaks for a government

def test_a_proposal_in_the_aside_of_the_delegation_leader_is_his_governments(nlp):
    text = ("Yilan County Magistrate Lin Zi-miaw met with a delegation from Orange County, California, led by "
            "Supervisor Andrew Do, who proposed a sister county relationship. Lin said Yilan welcomed the proposal.")
    found = run(nlp, text, published=dt.date(2024, 9, 9))
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Yilan", "Orange County", "proposed")}


def test_a_forums_aim_in_an_aside_is_still_no_tie(nlp):
    text = ("Taichung Mayor Lu Shiow-yen addressed the Asian Mayors Forum in Fukuoka, which promotes sister city "
            "exchanges among Asian cities.")
    assert run(nlp, text, published=dt.date(2024, 9, 9)) == []


# ---------------------------------------------------------------- an anniversary the next sentence keeps

def test_a_japanese_anniversary_of_the_agreement_in_the_next_sentence_renews_it(nlp):
    text = ("大洲市は、平成30年10月に台湾の新竹県竹東鎮と友好交流協定を締結しました。"
            "令和5年には協定締結5周年を記念し、オンラインで交流会を開催しました。")
    found = run(nlp, text, published=dt.date(2024, 2, 10), lang="ja")
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("established", "2018-10"), ("renewed", "2023")}


def test_a_chinese_anniversary_of_the_signing_in_the_next_sentence_renews_it(nlp):
    text = "竹東鎮於2018年10月與日本大洲市締結友好交流協定。2023年適逢締約5週年，雙方舉辦線上交流會。"
    found = run(nlp, text, published=dt.date(2024, 2, 10), lang="zh")
    assert ("renewed", "2023") in {(m.event.value, m.date.iso() if m.date else None) for m in found}


def test_a_spelled_out_anniversary_of_the_agreement_renews_it(nlp):
    text = ("The Japanese city of Ozu in Ehime Prefecture signed a friendship agreement with Zhudong Township in "
            "Taiwan in October 2018. In 2023, the two towns marked the fifth anniversary of the agreement with an "
            "online exchange.")
    found = run(nlp, text, published=dt.date(2024, 2, 10))
    assert ("renewed", "2023") in {(m.event.value, m.date.iso() if m.date else None) for m in found}


def test_councils_anniversary_after_their_governments_headline_renews_nothing(nlp):
    text = ("新北與日本神奈川縣簽友好備忘錄。"
            "新北市議會24日與日本神奈川縣議會舉行締盟十週年慶祝晚會，同時簽訂友好交流備忘錄。")
    found = run(nlp, text, published=dt.date(2024, 5, 25), lang="zh")
    assert not any(m.event.value == "renewed" for m in found)


# ---------------------------------------------------------------- 'its partnership with', 'that year'

def test_a_city_that_would_consider_signing_a_partnership_proposes_one(nlp):
    text = ("Prague's city council voted on Monday to terminate a partnership agreement with Beijing. "
            "Prague Mayor Zdenek Hrib said the city would consider signing a partnership with Taipei instead.")
    found = run(nlp, text, published=dt.date(2019, 10, 8))
    assert ("Taipei", "Prague", "proposed") in {(m.a.name, m.b.name, m.event.value) for m in found}


def test_its_partnership_opening_a_sentence_is_the_subject_before(nlp):
    text = ("The city of Nijmegen has ended its friendship with Jinhua in China, officials said. "
            "Its partnership with Chiayi County in Taiwan, signed in 2005, will continue.")
    found = run(nlp, text, published=dt.date(2018, 7, 20))
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found if m.a.country == "TW"} == {
        ("Chiayi County", "Nijmegen", "2005")}


def test_that_year_in_a_later_clause_is_the_year_the_clause_before_names(nlp):
    text = ("Kumamoto ended its exchange programme with Shanghai in 2019, while Kaohsiung and Kumamoto signed a "
            "friendship agreement in March that year.")
    found = run(nlp, text, published=dt.date(2021, 4, 12))
    assert ("Kaohsiung", "Kumamoto", "2019-03") in {(m.a.name, m.b.name, m.date.iso() if m.date else None)
                                                     for m in found}


# ---------------------------------------------------------------- the level a tie names, a tie described beside a signing

def test_a_sister_prefecture_is_the_prefecture(nlp):
    text = "Taichung Mayor Lu Shiow-yen on Monday visited the city's sister prefecture Aomori."
    found = run(nlp, text, published=dt.date(2025, 6, 3))
    assert {(m.b.name, m.b.level.value) for m in found} == {("Aomori", "prefecture")}


def test_a_korean_special_self_governing_province_is_the_province(nlp):
    text = ("Kinmen County and South Korea's Jeju Special Self-Governing Province signed an agreement of friendship "
            "and exchange on Tuesday.")
    found = run(nlp, text, published=dt.date(2023, 3, 15))
    assert {(m.b.name, m.b.level.value) for m in found} == {("Jeju Province", "province")}


def test_a_sister_city_visited_is_not_dated_by_the_signing_with_another(nlp):
    text = ("Taichung Mayor Lu Shiow-yen visited the city's sister city Sendai on Monday and signed a memorandum on "
            "youth sports exchanges with Kumamoto City.")
    found = {m.b.name: m for m in run(nlp, text, published=dt.date(2025, 6, 3))}
    assert found["Sendai"].date is None
    assert found["Kumamoto"].date is not None and found["Kumamoto"].date.iso() == "2025-06-02"


def test_an_urban_township_written_as_a_town_is_the_township(nlp):
    text = "Puli Town in Nantou County signed a friendship agreement with Japan's Shirakawa Village in 2012."
    found = run(nlp, text)
    assert {m.a.id for m in found} == {"TW-NAN-puli"}


def test_a_state_written_after_a_comma_and_in_places_the_city(nlp):
    text = "Tainan's sister city Columbia, in the US state of Missouri, sent a delegation on Monday."
    found = run(nlp, text, published=dt.date(2024, 1, 1))
    assert {(m.b.name, m.b.admin1) for m in found} == {("Columbia", "Missouri")}


def test_a_bare_prefecture_word_is_the_prefecture_whose_office_was_visited(nlp):
    text = ("台湾・高雄市の陳其邁市長が2日、熊本県庁を訪れ、蒲島郁夫知事と会談した。"
            "県と高雄市は2013年に国際交流促進覚書を締結しており、今年で10周年を迎えた。")
    found = run(nlp, text, published=dt.date(2023, 10, 3), lang="ja")
    assert ("Kaohsiung", "Kumamoto", "prefecture", "established", "2013") in {
        (m.a.name, m.b.name, m.b.level.value, m.event.value, m.date.iso() if m.date else None) for m in found}


def test_a_tie_a_city_should_offer_is_a_proposal(nlp):
    text = "Taipei should seize the moment and offer Kyiv a sister city relationship."
    found = run(nlp, text, published=dt.date(2022, 3, 20))
    assert {m.event.value for m in found} <= {"proposed"}


def test_a_chinese_clause_resuming_the_foreign_subject_pairs_its_partner_with_it(nlp):
    text = ("捷克首都布拉格市議會去年10月通過與北京解除姊妹市協議，今年1月與台北市簽署姊妹市協議後，"
            "上海市隨即宣布與布拉格斷絕姊妹市關係。")
    found = [m for m in run(nlp, text, published=dt.date(2020, 9, 10), lang="zh") if m.a.country == "TW"]
    assert {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("Taipei", "Prague", "established", "2020-01")}


# ---------------------------------------------------------------- 'the two port cities', a possessor's list

def test_the_two_port_cities_point_back_to_the_pair_and_an_anniversary_of_its_friendship_renews_it(nlp):
    text = ("Pohang, North Gyeongsang, marked the 10th anniversary of its friendship with Kaohsiung on Monday. "
            "The two port cities signed a friendship agreement in November 2013.")
    found = run(nlp, text, published=dt.date(2023, 11, 20))
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("renewed", "2023-11-20"), ("established", "2013-11")}


def test_a_possessors_list_of_partners_after_a_colon_is_its_own(nlp):
    text = ("Suwon's sister and friendship cities: Asahikawa, Japan (1989, sister); Hai Duong, Vietnam "
            "(2004, friendship); Hsinchu City, Taiwan (2010, friendship); Jinan, China (1993, sister).")
    found = run(nlp, text, published=dt.date(2021, 9, 9))
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found if m.a.country == "TW"} == {
        ("Hsinchu City", "Suwon", "2010")}


def test_a_tie_between_the_two_sister_cities_that_will_grow_is_no_plan(nlp):
    text = ("Hsinchu County and Miyazaki Prefecture became sister cities in 2011. He believes that the relationship "
            "between the two sister cities will become ever better.")
    found = run(nlp, text, published=dt.date(2022, 11, 9))
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {("established", "2011")}


def test_a_place_the_guests_will_tour_is_no_party(nlp):
    text = ("吉安鄉長游淑貞率訪問團赴日本北海道釧路町締盟交流，游淑貞與釧路町長小松茂簽訂友好交流協定，"
            "締結姊妹市，町長更承諾明年率團至花蓮觀光踩線。")
    found = run(nlp, text, published=dt.date(2016, 5, 1), lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Ji'an", "Kushiro")}


def test_a_taiwanese_county_in_brackets_after_its_township_only_locates_it(nlp):
    text = ("石垣市の姉妹都市・友好都市\n・蘇澳鎮（台湾宜蘭県）　1995年9月18日　姉妹都市締結\n"
            "・花蓮市（台湾花蓮県）　2019年　友好都市締結\n")
    found = run(nlp, text, lang="ja")
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {
        ("Su'ao", "Ishigaki", "1995-09-18"), ("Hualien City", "Ishigaki", "2019")}


# ---------------------------------------------------------------- envoys sign, a tie denied

def test_two_countries_envoys_sign_and_the_cities_officials_only_attend(nlp):
    text = ("The Taiwan-Japan Relations Association and the Japan-Taiwan Exchange Association signed a memorandum "
            "on disaster prevention cooperation in Taipei on Thursday, with officials from Kaohsiung and Osaka in "
            "attendance.")
    assert run(nlp, text, published=dt.date(2024, 1, 1)) == []


def test_no_formal_ties_but_hopes_to_sign_is_a_proposal(nlp):
    text = ("Taichung has no formal ties with Arizona, but Lu said she hoped to sign a memorandum with the state.")
    found = run(nlp, text, published=dt.date(2024, 1, 1))
    assert found and {m.event.value for m in found} == {"proposed"}


# ---------------------------------------------------------------- other governments' deeds, witnesses, a fronted clause

def test_a_where_clause_about_other_governments_is_theirs_not_the_visitors(nlp):
    text = ("Officials from Japan's Saga Prefecture visited Taipei on Tuesday to promote tourism, before traveling "
            "to Taoyuan, where the prefecture's Ureshino City signed a friendship agreement with Taoyuan's Daxi "
            "District.")
    found = run(nlp, text, published=dt.date(2024, 5, 1))
    assert {(m.a.id, m.b.name) for m in found} == {("TW-TAO-daxi", "Ureshino")}


def test_a_third_local_government_that_witnesses_a_signing_is_no_party(nlp):
    text = ("New Taipei City and Tokyo's Hachioji signed a friendship agreement at New Taipei City Hall on Friday, "
            "witnessed by Taipei Mayor Chiang Wan-an, who called on other cities to follow.")
    found = run(nlp, text, published=dt.date(2024, 5, 1))
    assert {m.a.name for m in found} == {"New Taipei"}


def test_a_fronted_clause_tells_an_earlier_signing_and_the_main_clause_a_plan(nlp):
    text = ("After signing a friendship pact with Miyazaki Prefecture last year, Hsinchu County will sign a sister "
            "city agreement with Nichinan, a city in the prefecture, next month, county officials said.")
    found = run(nlp, text, published=dt.date(2024, 5, 1))
    assert {(m.b.name, m.relation.value, m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("Miyazaki", "friendship", "established", "2023"), ("Nichinan", "sister", "proposed", "2024-06")}


def test_a_county_misspelt_by_a_letter_is_found_in_the_state_written_after_it(nlp):
    text = "Taoyuan has signed a sister city agreement with Hartford County, Maryland, USA, in 1983."
    found = run(nlp, text)
    assert {(m.b.name, m.b.admin1) for m in found} == {("Harford County", "Maryland")}


def test_a_council_resolution_authorizing_a_signing_proposes_the_tie(nlp):
    text = ("A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF BOISE, IDAHO, AUTHORIZING\n"
            "THE MAYOR TO EXECUTE A SISTER CITY AGREEMENT WITH TAINAN CITY, TAIWAN\n"
            "WHEREAS, the City of Boise and Tainan City have enjoyed cultural and\n"
            "educational exchanges since 2015; and\n"
            "WHEREAS, a formal sister city relationship would promote trade,\n"
            "tourism and student exchanges between the two cities;\n")
    found = run(nlp, text, published=dt.date(2019, 4, 10))
    assert found and {m.event.value for m in found} == {"proposed"}


def test_the_cities_marking_the_tenth_anniversary_renew_the_tie_before(nlp):
    text = ("Overland Park has two sister cities: Tatebayashi, Japan, since 2019, and Hsinchu City, Taiwan, since "
            "2011. The agreement was signed the following year in Hsinchu. In 2021, the cities marked the tenth "
            "anniversary with a virtual celebration.")
    found = run(nlp, text, published=dt.date(2023, 1, 1))
    assert ("renewed", "2021") in {(m.event.value, m.date.iso() if m.date else None) for m in found
                                   if m.a.country == "TW"}


def test_a_clause_after_a_semicolon_that_only_says_signed_with_dates_its_own_pair(nlp):
    text = ("Pingtung County and Mili Atoll of the Marshall Islands became sister cities in 2019; Taipei signed with "
            "Majuro Atoll in 2004.")
    found = {m.a.name: m for m in run(nlp, text)}
    assert found["Pingtung"].date.iso() == "2019" and found["Taipei"].date.iso() == "2004"


def test_a_japanese_sentence_under_a_partners_heading_is_about_that_partner(nlp):
    text = ("八代市の姉妹都市・友好都市\n台湾・基隆市（友好都市）\n"
            "平成30年（2018年）に友好交流協定を締結しました。港湾都市同士として交流を深めています。\n")
    found = run(nlp, text, lang="ja", title="姉妹都市・友好都市 - 八代市", url="https://www.city.yatsushiro.lg.jp/kokusai")
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {("Keelung", "Yatsushiro", "2018")}


def test_the_two_cities_which_signed_in_an_aside_are_the_pair_before(nlp):
    text = ("Tainan and Kumamoto City have agreed to cooperate in semiconductor talent training. The two cities, "
            "which signed a friendship agreement in 2017, will also promote school trips.")
    found = run(nlp, text, published=dt.date(2025, 2, 14))
    assert {(m.a.name, m.b.name, m.event.value, m.date.iso() if m.date else None) for m in found} == {
        ("Tainan", "Kumamoto", "established", "2017")}


def test_decades_after_the_two_first_signed_it_dates_the_founding(nlp):
    text = ("Hualien City and Yonaguni Town in Okinawa renewed their sister city pact on Sunday, more than four "
            "decades after the two first signed it in 1982.")
    found = run(nlp, text, published=dt.date(2024, 9, 30))
    assert ("established", "1982") in {(m.event.value, m.date.iso() if m.date else None) for m in found}


# ---------------------------------------------------------------- heads' titles

def test_a_magistrate_heads_the_county_not_the_city_of_that_name(nlp):
    found = run(nlp, "Hsinchu Magistrate Yang Wen-ke signed a sister county agreement with Salt Lake County on Monday.",
                published=dt.date(2024, 1, 1))
    assert {m.a.id for m in found} == {"TW-HSQ"}


def test_a_mayor_named_by_title_after_a_possessive_heads_the_town_not_the_possessor(nlp):
    found = run(nlp, "Chiayi Magistrate Weng Chang-liang and Fukuoka's Yanagawa Mayor signed a friendship pact.")
    assert {(m.a.id, m.b.name) for m in found} == {("TW-CYQ", "Yanagawa")}


def test_a_small_towns_mayor_signing_beside_a_taiwanese_head_vouches_for_the_town(nlp):
    found = run(nlp, "Hualien County Commissioner Hsu Chen-wei and Yonaguni Mayor Itokazu Kenichi signed a friendship "
                     "agreement.")
    assert {(m.a.name, m.b.name) for m in found} == {("Hualien", "Yonaguni")}


def test_a_district_office_is_its_district_and_the_city_that_holds_it_no_party(nlp):
    text = ("The Xitun District Office in Taichung and the city of Hoboken, New Jersey, signed a sister city agreement "
            "on Tuesday, making Xitun the first district in Taichung with a US sister city.")
    found = run(nlp, text, published=dt.date(2025, 8, 27))
    assert {(m.a.id, m.b.name) for m in found} == {("TW-TXG-xitun", "Hoboken")}


def test_a_later_clause_with_a_named_city_as_subject_pairs_its_own_partner_only(nlp):
    text = ("Among the latest, the town of Kamishihoro in Hokkaido signed a friendship agreement with Taitung "
            "County's Luye Township in May, and the city of Hakodate renewed its pact with Tainan.")
    found = run(nlp, text, published=dt.date(2023, 7, 10))
    assert {(m.a.id, m.b.name) for m in found} == {("TW-TTT-luye", "Kamishihoro"), ("TW-TNN", "Hakodate")}


def test_a_korean_district_office_is_its_district(nlp):
    text = ("Gangnam District Office said Tuesday it signed a memorandum of understanding with Taipei's Xinyi "
            "District on smart city cooperation.")
    found = run(nlp, text, published=dt.date(2024, 11, 5))
    assert {(m.a.id, m.b.name) for m in found} == {("TW-TPE-xinyi", "Gangnam District")}


# ---------------------------------------------------------------- a town and its province after a comma

def test_a_philippine_town_and_its_province_after_a_comma(nlp):
    text = ("The Philippine city of San Fernando, La Union, and Pingtung County signed a friendship agreement on "
            "Monday.")
    found = run(nlp, text, published=dt.date(2024, 1, 1))
    assert {(m.b.name, m.b.country, m.b.admin1) for m in found} == {("San Fernando", "PH", "Ilocos")}


def test_chinese_partners_listed_with_their_country_and_province_between_are_one_list(nlp):
    text = "金門縣與日本長崎縣五島市及韓國濟州特別自治道西歸浦市分別簽署友好交流協定。"
    found = run(nlp, text, lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Kinmen", "Gotō"), ("Kinmen", "Seogwipo")}


def test_a_city_that_became_a_taiwanese_citys_first_partner_in_a_country_is_its_partner(nlp):
    text = "Gdynia, the Polish port city, became Kaohsiung's first partner in Poland on Sunday."
    found = run(nlp, text, published=dt.date(2023, 5, 29))
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Kaohsiung", "Gdynia", "established")}


def test_a_japanese_later_clause_after_a_verb_stem_in_me_states_its_own_tie(nlp):
    text = ("仙台市と台南市は、2006年に観光促進協定を締結したことをきっかけに交流を深め、"
            "2018年11月に友好交流協定を締結しました。")
    found = run(nlp, text, lang="ja")
    assert {(m.relation.value, m.date.iso() if m.date else None) for m in found} >= {("friendship", "2018-11")}


def test_a_possessor_read_into_one_name_with_the_county_only_locates_it(nlp):
    text = ("The Pingtung County Government and the State of Hawaii's County of Kauai signed a letter of intent on "
            "Thursday to establish a sister county relationship.")
    found = run(nlp, text, published=dt.date(2025, 1, 10))
    assert {(m.a.name, m.b.name) for m in found} == {("Pingtung", "Kauai County")}


def test_a_japanese_town_geonames_heads_with_its_seats_name_is_found_by_its_own(nlp):
    text = "Chiayi City on Saturday signed a memorandum of understanding with the Japanese city of Mizuho in Tokyo."
    found = run(nlp, text, published=dt.date(2024, 7, 1))
    assert {(m.b.name, m.b.admin1) for m in found} == {("Mizuho", "Tokyo")}


def test_a_fronted_signing_that_names_no_partner_is_the_pairs_own(nlp):
    text = "Since signing a sister city agreement in 2010, Taipei and Seoul have exchanged students every year."
    found = run(nlp, text, published=dt.date(2024, 1, 1))
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {("established", "2010")}
