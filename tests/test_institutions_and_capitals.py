"""Who is a party, on texts written here: railways, zoos, schools and their
'sister' pacts are not governments' ties; a government that signed with two
partners has both; a country's capital where the text names the country; a
name the model cuts short ('Santa Cruz de la Sierra') is read whole."""

from __future__ import annotations

import datetime as dt

from conftest import run, ties


def pairs(found) -> set[tuple[str, str]]:
    return {(m.a.name, m.b.name) for m in found}


def countries(found) -> set[tuple[str, str]]:
    return {(m.b.name, m.b.country) for m in found}


# ---------------------------------------------------------------- institutions

def test_two_railways_sister_pact_is_no_tie_of_the_counties_they_run_in(nlp):
    text = ("The Alishan Forest Railway in Chiayi County and Japan's Oigawa Railway in Shizuoka Prefecture yesterday "
            "renewed the sister railway agreement they signed in 1986. The two railways will market steam train "
            "tourism together.")
    assert run(nlp, text, published=dt.date(2024, 5, 10)) == []


def test_a_municipal_zoo_and_a_zoo_named_after_its_city_are_no_governments(nlp):
    text = ("台北市立動物園今天與日本北海道旭川市旭山動物園簽署姊妹園協議，雙方將在動物保育與教育推廣方面交流合作。"
            "台北市長蔣萬安出席見證。")
    assert run(nlp, text, published=dt.date(2024, 3, 12), lang="zh") == []


def test_students_of_a_town_are_not_its_school(nlp):
    text = ("姉妹都市の台湾・宜蘭県羅東鎮から高校生20人が19日、十勝管内本別町を訪れ、町民と交流した。"
            "両町は2008年に姉妹都市提携を結んでいる。")
    assert pairs(run(nlp, text, published=dt.date(2025, 2, 20), lang="ja")) == {("Luodong", "Honbetsu")}


# ---------------------------------------------------------------- who signed with whom

def test_a_government_that_signed_with_two_taiwanese_cities_partners_both(nlp):
    text = "Kagoshima Prefecture has signed friendship agreements with Kaohsiung and Hualien."
    found = run(nlp, text)
    assert pairs(found) == {("Kaohsiung", "Kagoshima"), ("Hualien", "Kagoshima")}
    assert {m.b.level.value for m in found} == {"prefecture"}


def test_a_later_clause_that_wants_to_be_its_next_partner_is_not_a_partner_already(nlp):
    text = ("Pingtung County Magistrate Chou Chun-mi met Kagoshima Prefecture Governor Koichi Shiota on Saturday. "
            "Kagoshima has signed friendship agreements with Kaohsiung and Hualien, and Pingtung hopes to become "
            "its next partner, Chou said.")
    found = run(nlp, text, published=dt.date(2023, 5, 14))
    assert {("Kaohsiung", "Kagoshima"), ("Hualien", "Kagoshima")} <= pairs(found)
    assert not any(m.a.name == "Pingtung County" and m.event.value == "established" for m in found)


# ---------------------------------------------------------------- which place

def test_a_capital_is_the_capital_of_the_country_the_text_names(nlp):
    text = ("The mayor of Victoria signed a friendship city agreement with Taitung County on Thursday, the first "
            "such tie for the Seychelles capital.")
    assert countries(run(nlp, text, published=dt.date(2017, 3, 10))) == {("Victoria", "SC")}


def test_a_name_the_model_cuts_short_is_read_whole(nlp):
    text = "Santa Cruz de la Sierra and Taipei signed a memorandum of cooperation on smart city technology in 2021."
    assert countries(run(nlp, text)) == {("Santa Cruz de la Sierra", "BO")}


def test_a_county_named_in_full_in_a_table_row_is_the_county(nlp):
    text = ("Sister cities between the United States and Taiwan\n"
            "US city Taiwan partner Province\n"
            "  San Jose Tainan Tainan Special Municipality\n"
            "  Santa Clara County Hsinchu County Taiwan Province\n")
    doc = nlp(text)
    assert {(p.text, p.place.name) for p in doc._.places if p.kind == "foreign"} >= {
        ("Santa Clara County", "Santa Clara County")}
    assert not any(p.text == "Santa Clara" for p in doc._.places)


def test_chambers_named_after_two_cities_sign_their_own_pact(nlp):
    text = ("The Kaohsiung Chamber of Commerce and the Osaka Chamber of Commerce and Industry signed a friendship "
            "agreement on Monday to promote trade between Kaohsiung and Osaka.")
    assert run(nlp, text, published=dt.date(2021, 6, 15)) == []


def test_where_a_firm_is_based_is_no_party_to_the_firms_agreement(nlp):
    text = ("Hon Hai Precision Industry, based in New Taipei, signed an agreement with the state of Wisconsin in 2017 "
            "to build a factory.")
    assert not any("New Taipei" in (m.a.name, m.b.name) for m in run(nlp, text))


# ---------------------------------------------------------------- when

def test_praising_a_tie_in_force_gives_it_no_date(nlp):
    text = ("Mayor Sylvester Turner on Saturday praised the sister city relationship between Houston and Taipei.")
    found = run(nlp, text, published=dt.date(2019, 11, 20))
    assert ties(found) == {("Taipei", "Houston", "sister", "established", None)}


def test_a_small_town_whose_mayor_signs_a_tie_is_a_place(nlp):
    text = ("Hualien Mayor Wei Chia-hsien signed a sister city agreement with Yonaguni Mayor Kenichi Itokazu "
            "on Friday.")
    found = run(nlp, text, published=dt.date(2022, 9, 2))
    assert {(m.b.name, m.b.country) for m in found} == {("Yonaguni", "JP")}


# ---------------------------------------------------------------- whose partner

def test_places_in_apposition_to_as_many_partners_pair_item_by_item(nlp):
    text = ("The festival drew delegations from Sendai and Kumamoto, sister cities of Tainan and Taichung, as well "
            "as from Busan.")
    assert pairs(run(nlp, text)) == {("Tainan", "Sendai"), ("Taichung", "Kumamoto")}


def test_a_later_clause_that_leaves_its_verb_out_pairs_its_own_subject(nlp):
    found = run(nlp, "Taipei's sister cities include Warsaw and Prague, while Kaohsiung's include Busan and Miami.")
    assert pairs(found) == {("Taipei", "Warsaw"), ("Taipei", "Prague"), ("Kaohsiung", "Busan"), ("Kaohsiung", "Miami")}
    found = run(nlp, "Tainan is twinned with Sendai; Taichung with Kumamoto Prefecture.")
    assert pairs(found) == {("Tainan", "Sendai"), ("Taichung", "Kumamoto")}


def test_a_taiwanese_city_beside_the_ties_named_partners_is_no_partner(nlp):
    found = run(nlp, "The mayor of Fukuoka, a city that signed a partnership agreement with Taipei in 2008, visited "
                     "Kaohsiung on Monday.")
    assert pairs(found) == {("Taipei", "Fukuoka")}
    found = run(nlp, "Speaking in Kaohsiung, the governor of Guam said the island's sister ties with Taipei and "
                     "Taoyuan were a model for the region.")
    assert pairs(found) == {("Taipei", "Guam"), ("Taoyuan", "Guam")}


def test_a_tourism_federation_and_a_science_park_are_no_governments(nlp):
    assert run(nlp, "屏東縣政府今天與日本鹿兒島縣觀光聯盟簽署觀光合作備忘錄，盼吸引更多日本旅客。", lang="zh") == []
    assert run(nlp, "新竹科學園區管理局與日本熊本縣簽署半導體產業合作備忘錄。", lang="zh") == []


def test_one_signed_the_same_again_is_the_tie_named_before(nlp):
    text = ("Kaohsiung signed a sister city agreement with Busan in 1966. In 1968 Taipei did the same with Seoul. "
            "Two years later, Taichung signed one with Daegu.")
    got = ties(run(nlp, text))
    assert ("Taipei", "Seoul", "sister", "established", "1968") in got
    assert ("Taichung", "Daegu", "sister", "established", None) in got


# ---------------------------------------------------------------- plans beside ties in force

def test_a_later_clause_planning_a_tie_proposes_it_and_dates_no_tie_in_force(nlp):
    text = ("Huang said Tainan has friendship ties with Kanazawa, Nikko and Kyoto, and he will travel to Okayama "
            "next year to sign a friendship agreement.")
    got = ties(run(nlp, text, published=dt.date(2024, 11, 5)))
    assert {("Tainan", b, "friendship", "established", None) for b in ("Kanazawa", "Nikkō", "Kyoto")} <= got
    assert ("Tainan", "Okayama", "friendship", "proposed", "2025") in got
    assert not any(m.themes for m in run(nlp, text, published=dt.date(2024, 11, 5)))  # a trip is no tourism


def test_a_later_clause_whose_subject_points_back_pairs_the_first_government(nlp):
    text = ("Huang said Tainan's friendship cities in Japan also include Kanazawa, Nikko and Kyoto, and the city "
            "hopes to sign an agreement with Okayama next year.")
    got = ties(run(nlp, text, published=dt.date(2024, 11, 5)))
    assert ("Tainan", "Okayama", "cooperation", "proposed", "2025") in got


def test_a_trip_to_negotiate_a_tie_there_is_no_mere_stop():
    text = "台南市目前與日本的仙台市、金澤市及日光市締結友好城市，市長黃偉哲表示，明年將赴岡山市洽談締盟。"
    from extractors.places import PlaceSpan
    from extractors.trip_sides import trip_only
    from models.records import Level, Place

    okayama = PlaceSpan(text.index("岡山市"), text.index("岡山市") + 3, "岡山市", "foreign",
                        place=Place(id="gn:1", name="Okayama", country="JP", level=Level.CITY))
    sendai = PlaceSpan(text.index("仙台市"), text.index("仙台市") + 3, "仙台市", "foreign",
                       place=Place(id="gn:2", name="Sendai", country="JP", level=Level.CITY))
    assert trip_only(text, [sendai, okayama]) == set()


def test_where_two_governments_renewed_their_ties_is_the_scene(nlp):
    text = "Jeju Special Self-Governing Province and Hualien County renewed their sister ties in Jeju City on Friday."
    assert pairs(run(nlp, text, published=dt.date(2019, 5, 2))) == {("Hualien", "Jeju Province")}


def test_a_side_named_again_is_weighed_where_it_stands_nearest_its_partner(nlp):
    text = "Shanghai cut ties with Prague after the Czech capital signed a sister city agreement with Taipei."
    assert ("Taipei", "Prague") in pairs(run(nlp, text, published=dt.date(2020, 1, 14)))


def test_ending_one_tie_to_seek_one_with_taipei_proposes_that_one(nlp):
    text = ("Prague city council voted on Monday to end its partnership agreement with Beijing, and to seek one "
            "with Taipei instead.")
    found = run(nlp, text, published=dt.date(2019, 7, 10))
    assert {(m.a.name, m.b.name, m.event.value) for m in found if "Taipei" in (m.a.name, m.b.name)} == {
        ("Taipei", "Prague", "proposed")}


def test_the_x_relationship_after_a_list_is_the_lists_owners(nlp):
    text = ("Tacoma's sister cities are Kitakyushu, Japan; Kaohsiung, Taiwan; Fuzhou, China; and Cienfuegos, Cuba. "
            "The Kaohsiung relationship dates to 1974.")
    got = ties(run(nlp, text))
    assert ("Kaohsiung", "Tacoma", "sister", "established", "1974") in got
    assert not any(b == "Cienfuegos" for _, b, *_ in got)


def test_a_chinese_summary_of_ties_in_force_takes_no_date_of_the_visit(nlp):
    text = ("日本岡山縣議會訪問團今天拜會台南市議會與台南市政府，台南市長黃偉哲表示，台南與日本多個城市締結友好城市，"
            "包括仙台市、金澤市等，未來盼與岡山縣加強交流。")
    got = ties(run(nlp, text, published=dt.date(2023, 5, 5), lang="zh"))
    assert {("Tainan", b, "friendship", "established", None) for b in ("Sendai", "Kanazawa")} <= got


# ---------------------------------------------------------------- events

def test_ties_that_turn_fifty_in_a_headline_are_an_anniversary_and_a_founding(nlp):
    text = ("Kaohsiung-Busan sister city ties turn 50\n"
            "The two port cities have exchanged delegations every year since then, Kaohsiung Mayor Chen Chu said.")
    got = ties(run(nlp, text, published=dt.date(2016, 3, 8)))
    assert {("Kaohsiung", "Busan", "sister", "renewed", "2016"), ("Kaohsiung", "Busan", "sister", "established", "1966")} <= got


def test_two_cities_that_will_follow_with_their_own_agreement_propose_it(nlp):
    text = ("Taiwan and Japan signed a memorandum on disaster cooperation, and Kaohsiung and Kumamoto will follow "
            "with their own agreement next month.")
    got = {(m.a.name, m.b.name, m.event.value) for m in run(nlp, text, published=dt.date(2019, 6, 1))}
    assert got == {("Kaohsiung", "Kumamoto", "proposed")}


def test_a_small_city_in_apposition_to_its_tie_is_a_place(nlp):
    text = "A delegation from Chiayi City, Taiwan, visited Murray, its sister city, on Monday."
    assert {(m.b.name, m.b.country) for m in run(nlp, text)} == {("Murray", "US")}


def test_another_sister_city_borrows_the_side_named_before_and_takes_no_date(nlp):
    text = ("Hsinchu City signed a sister city agreement with Cupertino in 1999. On Monday a delegation from "
            "Hsinchu visited Beaverton, another sister city.")
    got = ties(run(nlp, text, published=dt.date(2023, 5, 2)))
    assert ("Hsinchu City", "Beaverton", "sister", "established", None) in got


def test_the_other_sides_city_is_no_town_called_fangcheng(nlp):
    text = "由於對方城市長期未有互動，雲林縣政府決定終止與美國某郡的姊妹縣關係，但與日本岐阜縣的友好關係維持不變。"
    got = ties(run(nlp, text, published=dt.date(2021, 11, 11), lang="zh"))
    assert got == {("Yunlin", "Gifu", "friendship", "established", None)}


# ---------------------------------------------------------------- endings

def test_a_tie_let_lapse_or_not_renewed_has_ended(nlp):
    got = ties(run(nlp, "Scottsdale quietly let its sister city relationship with Kaohsiung lapse in 2016, city "
                        "records show."))
    assert got == {("Kaohsiung", "Scottsdale", "sister", "terminated", "2016")}
    got = ties(run(nlp, "Hualien County has not renewed its friendship agreement with Okinawa Prefecture, which "
                        "expired in 2020, a county official said."))
    assert got == {("Hualien", "Okinawa", "friendship", "terminated", "2020")}


def test_a_tie_a_later_clause_keeps_is_not_ended_with_the_one_before(nlp):
    got = ties(run(nlp, "The Taichung City Council voted to suspend exchanges with Xiamen, but the sister city "
                        "agreement with Winnipeg remains in force."))
    assert ("Taichung", "Winnipeg", "sister", "established", None) in got
    got = ties(run(nlp, "上海市宣布解除與布拉格的友好城市關係，原因是布拉格上週與台北市簽署姊妹市協議。", lang="zh"))
    assert {(a, b, e) for a, b, _, e, _ in got} == {("Taipei", "Prague", "established")}


def test_a_subject_that_signed_with_one_and_hopes_for_another_proposes_that_one_undated(nlp):
    text = ("Governor Shiota noted that Kagoshima signed a friendship agreement with Kaohsiung in 2019 and hopes "
            "to establish similar ties with Taipei.")
    got = ties(run(nlp, text, published=dt.date(2024, 4, 18)))
    assert ("Kaohsiung", "Kagoshima", "friendship", "established", "2019") in got
    assert {(a, b, e, d) for a, b, _, e, d in got if a == "Taipei"} == {("Taipei", "Kagoshima", "proposed", None)}


def test_a_chinese_hope_for_a_second_partner_proposes_it_undated(nlp):
    text = ("塩田知事表示，鹿兒島縣已於2019年與高雄市簽署友好交流協定，期盼未來能與臺北市建立更緊密的合作關係。")
    got = ties(run(nlp, text, published=dt.date(2024, 4, 17), lang="zh"))
    assert ("Kaohsiung", "Kagoshima", "friendship", "established", "2019") in got
    assert {(a, e, d) for a, b, _, e, d in got if a == "Taipei"} == {("Taipei", "proposed", None)}


def test_our_citys_sister_city_met_today_is_not_founded_today(nlp):
    text = "林欣怡副市長今日出席美國姊妹市協會年會，並與本市姊妹市波特蘭市及邁阿密戴德郡代表會面，討論港口合作。"
    got = ties(run(nlp, text, published=dt.date(2024, 4, 17), lang="zh",
                   url="https://www.kcg.gov.tw/News_Content.aspx?n=2"))
    assert got and all(d is None for *_, d in got)


def test_a_resolution_relating_to_a_renewal_renews(nlp):
    text = ("RESOLUTION NO. 21-45\n"
            "RELATING TO THE RENEWAL OF THE SISTER CITY RELATIONSHIP BETWEEN THE COUNTY OF MAUI AND PINGTUNG "
            "COUNTY, TAIWAN\n"
            "WHEREAS, the County of Maui and Pingtung County established a sister city relationship in 1982; and\n")
    got = ties(run(nlp, text, published=dt.date(2021, 6, 1)))
    assert {(e, d) for *_, e, d in got} >= {("renewed", None), ("established", "1982")}


def test_celebrating_a_ten_year_partnership_renews_and_dates_the_founding(nlp):
    text = "Nantou County and Shizuoka Prefecture celebrated their 10-year partnership on Sunday with a tea festival."
    got = ties(run(nlp, text, published=dt.date(2019, 9, 9)))
    assert {(e, d) for *_, e, d in got} == {("renewed", "2019-09-08"), ("established", "2009")}


def test_the_fifth_city_to_establish_ties_has_established_them(nlp):
    text = ("Taichung Mayor Lu Shiow-yen signed a memorandum of understanding with the mayor of Sendai on Saturday, "
            "making Sendai the fifth Japanese city to establish ties with Taichung.")
    got = ties(run(nlp, text, published=dt.date(2023, 11, 20)))
    assert got == {("Taichung", "Sendai", "mou", "established", "2023-11-18")}


def test_one_governments_other_exchanges_are_no_examples_of_the_tie_before(nlp):
    text = ("新北市政府與日本神奈川縣於8月31日續簽防災合作備忘錄，該備忘錄於2016年首度簽署。"
            "侯友宜市長表示，本市亦與千葉縣、埼玉縣有交流合作。")
    found = run(nlp, text, published=dt.date(2023, 8, 31), lang="zh", url="https://www.ntpc.gov.tw/ch/home.jsp?id=1")
    assert pairs(found) == {("New Taipei", "Kanagawa")}


def test_places_that_are_both_sister_cities_of_one_pair_with_it_not_with_the_city_visited(nlp):
    text = "The mayors of Sendai and Kanazawa, both sister cities of Tainan, visited Kaohsiung on Monday."
    got = ties(run(nlp, text, published=dt.date(2023, 3, 1)))
    assert got == {("Tainan", "Sendai", "sister", "established", None), ("Tainan", "Kanazawa", "sister", "established", None)}


def test_a_partner_in_a_relative_clause_pairs_beside_anothers_possessed_sister_city(nlp):
    text = ("Kaohsiung Mayor Chen Chi-mai welcomed a delegation from Busan, which has been a sister city of Kaohsiung "
            "since 1966, and from Taipei's sister city Seoul.")
    assert pairs(run(nlp, text)) == {("Taipei", "Seoul"), ("Kaohsiung", "Busan")}


def test_a_prefecture_named_as_a_partner_in_its_own_clause_is_no_mere_locator_of_its_town(nlp):
    text = ("Hualien's sister city Yonaguni sent a delegation to the Hualien Summer Festival, while Hualien County's "
            "friendship partner Okinawa Prefecture sent a dance troupe.")
    got = {(a, b, r) for a, b, r, _, _ in ties(run(nlp, text))}
    assert got == {("Hualien", "Yonaguni", "sister"), ("Hualien", "Okinawa", "friendship")}


def test_ditching_one_tie_and_signing_one_with_taipei_makes_that_one_of_the_kind_named(nlp):
    text = ("The Czech capital Prague angered Beijing in 2019 when it ditched a sister city agreement with Beijing "
            "and signed one with Taipei instead.")
    got = {(a, b, r, e) for a, b, r, e, _ in ties(run(nlp, text, published=dt.date(2021, 8, 10))) if a == "Taipei"}
    assert got == {("Taipei", "Prague", "sister", "established")}


def test_a_month_named_in_a_clause_about_what_will_happen_is_the_next_one():
    from extractors.dates import find_dates

    published = dt.date(2024, 5, 5)
    assert [d.date.iso() for d in find_dates("They will mark the anniversary with a concert in September.",
                                             published)] == ["2024-09"]
    assert [d.date.iso() for d in find_dates("They marked the anniversary with a concert in September.",
                                             published)] == ["2023-09"]
    assert [d.date.iso() for d in find_dates("They will celebrate the pact signed in March.", published)] == ["2024-03"]


def test_an_upgrade_to_sister_cities_renews_the_tie_as_the_kind_it_became(nlp):
    text = "台中市與日本青森縣於2016年締結友好交流協定，2024年9月30日雙方正式升格為姊妹市。"
    got = ties(run(nlp, text, published=dt.date(2024, 10, 1), lang="zh"))
    assert {(r, e, d) for _, _, r, e, d in got} == {("friendship", "established", "2016"),
                                                    ("sister", "renewed", "2024-09-30")}


def test_a_memorandum_extended_for_five_years_is_renewed(nlp):
    text = "北海道と台湾の台中市は、2019年に締結した友好交流覚書を1日、5年間延長した。"
    got = ties(run(nlp, text, published=dt.date(2024, 10, 1), lang="ja"))
    assert {(e, d) for *_, e, d in got} == {("renewed", "2024-10-01"), ("established", "2019")}
