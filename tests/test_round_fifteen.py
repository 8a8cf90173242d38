"""Government pages and stories written here for the fifteenth round: Korean
districts the model takes for people, a subject kept after a fronted
adverbial, and what else those pages taught."""

from __future__ import annotations

import datetime as dt

from conftest import run


def partners(found) -> dict[str, tuple]:
    """Foreign side -> (Taiwanese side, its admin1, relation, event, date)."""
    return {m.b.name: (m.a.name, m.b.admin1, m.relation.value, m.event.value, m.date.iso() if m.date else None)
            for m in found if m.a.country == "TW"}


# ---------------------------------------------------------------- Korean districts in a list

def test_a_korean_district_the_model_takes_for_a_person_is_the_district_of_the_city_after_it(nlp):
    text = ("Chiayi City has established sister city relationships with the following cities:\n"
            "1. Uwajima, Ehime Prefecture, Japan (2002)\n"
            "2. Gangseo-gu, Seoul, Korea (2011)\n"
            "3. Gangseo District, Busan, Korea (2015)\n")
    found = run(nlp, text)
    gangseo = {(m.b.name, m.b.admin1, m.date.iso() if m.date else None) for m in found if "Gangseo" in m.b.name}
    assert gangseo == {("Gangseo District", "Seoul", "2011"), ("Gangseo District", "Busan", "2015")}
    assert not any(m.b.name in ("Seoul", "Busan") for m in found)


# ---------------------------------------------------------------- the subject after a fronted adverbial

def test_the_city_after_in_addition_is_the_government_the_page_is_about(nlp):
    text = ("Chiayi City has established sister city relationships with the following cities:\n"
            "1. Ponca City, Oklahoma, USA (1986)\n"
            "2. Uwajima, Ehime Prefecture, Japan (2002)\n"
            "In addition, the city signed a memorandum of understanding on smart city cooperation with Kaga City, "
            "Ishikawa, in 2018, and a friendship agreement with Tainan's sister city Columbus is under discussion.\n")
    got = partners(run(nlp, text))
    assert got["Kaga"][0] == "Chiayi City" and got["Kaga"][2:] == ("mou", "established", "2018")


def test_a_subject_after_a_fronted_date_pairs_with_the_partner_named_first(nlp):
    text = ("Yilan County has been a sister county of Hood River County in Oregon since 1995. "
            "In May 2019, the county signed a friendship agreement with Kamiita in Tokushima, and Taitung's sister "
            "city Oyama sent a delegation to the ceremony.")
    got = partners(run(nlp, text))
    assert got["Kamiita"][0] == "Yilan" and got["Kamiita"][2:4] == ("friendship", "established")


def test_a_partner_named_as_someone_elses_sister_city_takes_neither_the_sentences_kind_nor_its_date(nlp):
    text = ("In May 2019, Yilan County signed a friendship agreement with Kamiita in Tokushima, and Taitung's sister "
            "city Oyama sent a delegation to the ceremony.")
    got = partners(run(nlp, text))
    assert got["Kamiita"][2:] == ("friendship", "established", "2019-05")
    assert got.get("Oyama", ("Taitung", None, "sister", "established", None))[0::2] == ("Taitung", "sister", None)


# ---------------------------------------------------------------- a neighbour only locates

def test_a_towns_neighbour_named_after_a_comma_is_the_partner_not_the_town(nlp):
    text = ("Nantou County signed a friendship exchange agreement with Nago, Okinawa Prefecture, on Oct. 10. "
            "Meanwhile, Yilan's Luodong Township plans to sign a similar pact with Nago's neighbor, Motobu Town.")
    found = run(nlp, text)
    luodong = {m.b.name for m in found if m.a.name.startswith("Luodong")}
    assert luodong == {"Motobu"}


# ---------------------------------------------------------------- councils, denials, counts

def test_an_australian_regional_council_voting_for_a_tie_speaks_for_its_city(nlp):
    text = ("Cairns Regional Council voted on Tuesday to pursue a sister city relationship with Hengchun Township "
            "in Pingtung County, Taiwan. Mayor Amy Eden said the relationship would build on reef tourism links.")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Hengchun", "Cairns", "proposed")}


def test_no_formal_agreement_with_an_adjective_between_denies_the_tie(nlp):
    text = ("Guam and Taipei have no formal sister city agreement, but Guam has been a sister state of Kaohsiung "
            "since 1991.")
    assert {m.a.name for m in run(nlp, text)} == {"Kaohsiung"}


def test_no_fewer_than_is_a_count_not_a_denial(nlp):
    text = "Taipei has signed no fewer than 50 sister city agreements, the latest with Kaunas in 2024."
    assert "Kaunas" in {m.b.name for m in run(nlp, text)}


def test_a_year_after_they_became_sister_cities_dates_the_tie_a_year_back(nlp):
    text = ("A year after Tainan and Kaunas formally became sister cities, officials from the Lithuanian city visited "
            "Tainan on Sunday to review student exchanges.")
    found = [m for m in run(nlp, text, published=dt.date(2025, 3, 2)) if m.b.name == "Kaunas"]
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {("established", "2024")}


# ---------------------------------------------------------------- names cut short, organisations, titles

def test_a_county_name_the_model_cut_at_its_front_is_the_whole_county(nlp):
    text = ("Pingtung County signed a sister county agreement Monday with Fort Bend County in the U.S. state of "
            "Texas. Fort Bend County, near Houston, is home to many Taiwanese Americans.")
    found = run(nlp, text)
    assert {m.b.name for m in found} == {"Fort Bend County"}


def test_a_name_written_as_a_county_is_never_a_us_city(nlp):
    text = "Bend County and Pingtung signed a sister county agreement."
    assert not any(m.b.name == "Bend" for m in run(nlp, text))


def test_sister_cities_international_names_no_town(nlp):
    text = ("Ocala's sister city program was founded in 1988 under Sister Cities International.\n"
            "Sister City | Country | Year\nHsinchu County | Taiwan | 2001\n")
    found = run(nlp, text, url="https://www.ocalafl.gov/government/sister-cities", title="Sister Cities")
    assert {m.b.name for m in found} == {"Ocala"}


def test_a_provincial_governor_signing_heads_the_province(nlp):
    text = ("Kinmen County Magistrate Chen Fu-hai signed a friendship memorandum with Cebu Provincial Governor "
            "Gwendolyn Garcia on Monday in Jincheng.")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name, m.b.level.value) for m in found} == {("Kinmen", "Cebu", "province")}


def test_a_chinese_city_before_de_only_locates_the_county_after_it(nlp):
    text = "新北市已與美國伊利諾州芝加哥市的庫克郡締結姊妹郡。"
    found = run(nlp, text, lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("New Taipei", "Cook County")}


def test_since_after_a_possessive_partner_dates_the_apposed_tie(nlp):
    text = "Miaoli's magistrate also visited Fresno, a sister city of Taiwan's Chiayi County since 2014."
    got = partners(run(nlp, text, published=dt.date(2025, 1, 20)))
    assert got["Fresno"][0] == "Chiayi County" and got["Fresno"][4] == "2014"


# ---------------------------------------------------------------- a page's partners named in prose

TAITUNG_PAGE = ("Sister City Relations\n"
                "Taitung County has signed sister city and friendship agreements with the following local governments. "
                "The Okinawa Prefecture city of Ishigaki became a sister city in 2012. "
                "The county also maintains a friendship agreement with Oyama, Tochigi (2015). "
                "In addition, Taitung City, the county seat, is a sister city of Ishigaki's neighbor Miyakojima.")


def test_a_partner_that_became_a_sister_city_is_the_partner_of_the_government_named_before(nlp):
    got = partners(run(nlp, TAITUNG_PAGE, url="https://www.taitung.gov.tw/English/cp.aspx?n=77"))
    assert got["Ishigaki"][0] == "Taitung" and got["Ishigaki"][2:] == ("sister", "established", "2012")


def test_a_name_after_a_possessive_neighbour_is_a_place_of_the_possessors_country(nlp):
    found = run(nlp, TAITUNG_PAGE, url="https://www.taitung.gov.tw/English/cp.aspx?n=77")
    assert {m.b.name for m in found if m.a.name == "Taitung City"} == {"Miyakojima"}


def test_a_period_ends_a_name_the_next_sentence_does_not_continue(nlp):
    from extractors.place_titles import titled_names

    text = "It is a sister city of Miyakojima. The Okinawa Prefecture city of Ishigaki signed too."
    assert all(". " not in text[s:e] for s, e, _ in titled_names(text))


# ---------------------------------------------------------------- namesakes and lists

def test_the_bc_capital_later_in_the_story_places_victoria_in_canada(nlp):
    text = ("Victoria city council voted Thursday to begin talks on a friendship agreement with Yilan County, Taiwan. "
            "The B.C. capital already has sister city ties with Suzhou, China, and Morioka, Japan.")
    assert {(m.b.name, m.b.country) for m in run(nlp, text) if m.a.country == "TW"} == {("Victoria", "CA")}


def test_a_clause_that_signs_after_a_comma_is_no_gap_of_a_list(nlp):
    text = ("Kaohsiung, Feb. 29 (CNA) Kaohsiung and Atlanta, Georgia signed a memorandum of understanding on Thursday "
            "to cooperate in logistics and clean energy, Kaohsiung's Economic Development Bureau said.")
    found = [m for m in run(nlp, text, published=dt.date(2024, 2, 29)) if m.b.name == "Atlanta"]
    assert found and min(m.confidence for m in found) >= 0.75


# ---------------------------------------------------------------- where a delegation went

SANTA_CLARA_VISIT = ("A delegation from Santa Clara County, California, Hsinchu County's sister county since 1980, "
                     "visited Zhubei on Nov. 20. Santa Clara County Supervisor Otto Lee met Hsinchu County Magistrate "
                     "Yang Wen-ke at the county hall in Zhubei. The two sides also discussed a partnership between "
                     "San Jose State University and National Yang Ming Chiao Tung University.")


def test_the_taiwanese_town_a_foreign_delegation_visited_is_no_party_beside_the_named_partner(nlp):
    found = run(nlp, SANTA_CLARA_VISIT, published=dt.date(2022, 11, 21))
    assert {(m.a.name, m.b.name) for m in found} == {("Hsinchu County", "Santa Clara County")}


def test_the_owner_of_a_sister_county_written_apart_is_a_party_though_it_holds_the_town_visited(nlp):
    found = run(nlp, SANTA_CLARA_VISIT, published=dt.date(2022, 11, 21))
    assert {(m.event.value, m.date.iso() if m.date else None) for m in found} == {("established", "1980")}


def test_a_partnership_between_two_universities_is_theirs_not_the_two_sides(nlp):
    from extractors.lexicon import relations_in

    assert not relations_in("The two sides discussed a partnership between San Jose State University and NYCU.")


def test_a_later_clause_with_a_subject_of_its_own_takes_no_date_from_the_clause_before(nlp):
    text = ("Aomori Prefecture and Taichung signed a friendship exchange agreement in 2017, and Taichung later "
            "signed agreements with Tottori Prefecture and Kumamoto City.")
    got = partners(run(nlp, text, published=dt.date(2023, 12, 5)))
    assert (got["Aomori"][4], got["Tottori"][4], got["Kumamoto"][4]) == ("2017", None, None)


# ---------------------------------------------------------------- names that describe, not parties

TEA_PACT = ("Chiayi County, Gifu town sign tea pact\n"
            "Chiayi County and Japan's Shirakawa Town in Gifu Prefecture on Saturday signed a friendship agreement "
            "to promote Alishan and Shirakawa tea, the county government said.")


def test_places_that_qualify_a_product_are_no_parties(nlp):
    found = run(nlp, TEA_PACT, published=dt.date(2024, 4, 15))
    assert {(m.a.name, m.b.name) for m in found} == {("Chiayi County", "Shirakawa Town")}


def test_a_division_with_a_lowercase_unit_word_describes_a_town_there(nlp):
    found = run(nlp, "Pingtung signs with Texas county; Chiayi County, Gifu town sign tea pact.")
    assert not any(m.b.level.value in ("prefecture", "state") for m in found)


def test_a_date_in_a_clause_about_another_pair_dates_neither_the_pair_nor_its_founding(nlp):
    text = ("Taichung's friendship with Cleveland has seen no exchange for years, while Kaohsiung and Busan, "
            "sister cities since 1966, still hold an annual port festival.")
    found = run(nlp, text, published=dt.date(2020, 1, 14))
    assert {m.date.iso() for m in found if m.b.name == "Cleveland" and m.date} == set()
    assert {m.date.iso() for m in found if m.b.name == "Busan" and m.date} == {"1966"}


# ---------------------------------------------------------------- Chinese: transliterated cities, mayors, '兩地'

def test_a_city_written_by_sound_with_cheng_after_its_state_is_that_states_city(nlp):
    text = "嘉義市長黃敏惠率團訪問美國，27日拜會姊妹市奧克拉荷馬州龐卡城，並與當地大學簽署學術交流備忘錄。嘉義市與龐卡城於1986年締結姊妹市。"
    found = run(nlp, text, lang="zh", published=dt.date(2024, 11, 28))
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found} == {("Ponca City", "1986")}


def test_a_three_character_city_before_zhang_is_the_city_not_a_mayors_surname(nlp):
    text = ("花蓮縣長徐榛蔚3日與宮古島市長座喜味一幸透過視訊續簽友好城市協定。兩地自2006年締結友好城市至今已15年。"
            "另外，花蓮市與與那國町的姊妹市關係也已逾40年。")
    found = run(nlp, text, lang="zh", published=dt.date(2021, 5, 3))
    miyako = {(m.event.value, m.date.iso() if m.date else None) for m in found if m.b.name == "Miyakojima"}
    assert miyako == {("renewed", "2021-05-03"), ("established", "2006")}


def test_a_row_whose_place_was_not_read_leaves_the_heading_over_the_rows_after_it(nlp):
    text = ("大垣市は、次の都市と姉妹都市・友好都市提携を結んでいます。\n"
            "アメリカ合衆国 ウィスコンシン州 ウォーソー市（姉妹都市）1993年\n"
            "中華民国（台湾） 屏東県 屏東市（友好交流協定）2019年\n")
    found = run(nlp, text, lang="ja", url="https://www.city.ogaki.lg.jp/0000012345.html")
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {("Pingtung City", "Ōgaki", "2019")}


# ---------------------------------------------------------------- a site's menu of partners

SAN_JOSE_PAGE = ("Home | About | Sister Cities: Okayama | Dublin | Veracruz | San José (Costa Rica) | Tainan | Pune | "
                 "Guadalajara | Ekaterinburg | Zhenjiang | Donate\n"
                 "Lunar New Year festival returns to City Hall\n"
                 "The San Jose Sister City Program will host its annual Lunar New Year festival at City Hall Rotunda.")


def test_a_menu_of_sister_cities_lists_the_site_owners_partners_not_each_others(nlp):
    found = run(nlp, SAN_JOSE_PAGE, url="https://www.sanjoseca.gov/your-government/sister-cities/events")
    assert {(m.a.name, m.b.name, m.b.country) for m in found if m.a.country == "TW"} == {("Tainan", "San Jose", "US")}


def test_a_us_site_whose_name_runs_words_together_is_that_citys():
    from extractors.gazetteer.index import load_gazetteer
    from extractors.page_owner import page_owner
    from models.settings import Settings

    owner = page_owner("https://www.sanjoseca.gov/news", load_gazetteer(Settings().cache_dir))
    assert owner is not None and (owner.name, owner.admin1) == ("San Jose", "California")


def test_pragues_numbered_districts_are_their_own_governments_in_both_scripts(nlp):
    zh = run(nlp, "新北市與捷克布拉格第6區簽署合作備忘錄。", lang="zh")
    en = run(nlp, "Prague 6 and Taipei's Beitou District signed a memorandum of understanding on Monday.")
    assert {m.b.name for m in zh} == {"Prague 6"} and {m.b.name for m in en} == {"Prague 6"}


def test_a_provincial_government_named_by_its_place_is_the_province(nlp):
    text = ("The Cebu provincial government and Taiwan's Taoyuan City signed a memorandum of understanding on "
            "Wednesday to strengthen cooperation in tourism and agriculture.")
    assert {(m.b.name, m.b.level.value) for m in run(nlp, text)} == {("Cebu", "province")}


def test_a_council_that_voted_four_to_one_on_tuesday_to_begin_a_tie_proposed_it(nlp):
    text = ("The Cupertino City Council voted 4-1 on Tuesday to begin a friendship city relationship with Hsinchu "
            "County, Taiwan.")
    assert {(m.a.name, m.event.value) for m in run(nlp, text)} == {("Hsinchu County", "proposed")}


# ---------------------------------------------------------------- a namesake of the country the story is in

def test_a_city_no_other_place_shares_a_country_with_is_the_namesake_where_the_others_are(nlp):
    text = ("VANCOUVER — The Vancouver City Council on Monday unanimously approved a letter of intent to explore a "
            "sister city relationship with Hsinchu City, Taiwan. Vancouver already has sister cities in Joyo, Japan, "
            "and Arao, Japan. Portland, across the river, has had a sister city relationship with Kaohsiung since 1988.")
    found = run(nlp, text, published=dt.date(2024, 10, 3))
    assert {(m.b.name, m.b.country, m.b.admin1) for m in found if m.b.name == "Vancouver"} == {
        ("Vancouver", "US", "Washington")}


def test_a_far_better_known_capital_keeps_its_country_beside_another_countrys_places(nlp):
    text = ("Taipei's sister cities include Houston, Texas; Atlanta, Georgia; Wellington; and Indianapolis, "
            "Indiana.")
    assert {m.b.country for m in run(nlp, text) if m.b.name == "Wellington"} <= {"NZ"}


def test_the_title_places_a_city_the_story_writes_bare(nlp):
    text = ("ATHENS — Mayor Kelly Girtz signed a friendship agreement with Taiwan's Chiayi County on Wednesday. "
            "The agreement is Athens' first with a Taiwanese government.")
    found = run(nlp, text, title="Athens, Georgia and Taiwan", published=dt.date(2022, 9, 1))
    assert {(m.b.name, m.b.country, m.b.admin1) for m in found} == {("Athens", "US", "Georgia")}


def test_each_recital_of_a_resolution_is_a_sentence_of_its_own(nlp):
    text = ("WHEREAS, the City of Arcadia has maintained a sister city relationship with Newcastle, Australia since "
            "1968 and with Tripolis, Greece since 1979; and\n"
            "WHEREAS, Taipei City is a sister city of Los Angeles, and many Arcadia residents have family ties to "
            "Taipei;\n"
            "The City Council approves the Friendship City Agreement with Xinyi District, Taipei City, Taiwan.\n")
    found = run(nlp, text, url="https://www.arcadiaca.gov/Shape%20Arcadia/Resolution%202022-87.pdf")
    assert {(m.a.name, m.b.name) for m in found if m.a.country == "TW"} == {
        ("Taipei", "Los Angeles"), ("Xinyi", "Arcadia")}


def test_a_head_named_in_full_who_speaks_later_speaks_for_his_town(nlp):
    text = ("竹北市長鄭朝方11日與來訪的美國加州庫比蒂諾市長魏路易簽署友好城市協定。"
            "鄭朝方說，未來也希望與日本熊本縣菊陽町締盟，深化半導體產業交流。")
    found = run(nlp, text, lang="zh", published=dt.date(2023, 12, 12))
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {
        ("Zhubei City", "Cupertino", "established"), ("Zhubei City", "Kikuyo", "proposed")}


def test_the_state_a_capital_apposition_names_only_locates_the_city_and_leaves_it_the_date(nlp):
    text = "Tainan signed a friendship city agreement with Columbia, the capital of South Carolina, on Wednesday."
    got = partners(run(nlp, text, published=dt.date(2020, 7, 30)))
    assert set(got) == {"Columbia"} and got["Columbia"][4] == "2020-07-29"
