"""Stories and pages written here for the twentieth round: a function word
the model takes for a given name ('Besides Murray'), two partners of one
government told apart by 'another sister city', a partner's page whose
heading names the partner and whose paragraph below dates the tie."""

from __future__ import annotations

import datetime as dt

from conftest import partners, run, ties


# ---------------------------------------------------------------- names that are not people

def test_a_city_after_besides_is_not_taken_for_a_surname(nlp):
    text = ("Murray Mayor Brett Hales welcomed a delegation from Chiayi City, Taiwan, on Monday. Murray and "
            "Chiayi City became sister cities in 1987. Besides Murray, the delegation also visited Provo.")
    got = partners(run(nlp, text, published=dt.date(2023, 5, 2)))
    assert got.get("Murray") == ("Chiayi City", "US", "sister", "established", "1987")


def test_a_surname_of_a_person_named_in_full_is_still_no_city(nlp):
    text = ("Deputy Mayor Hiroshi Tanabe of Sendai signed a friendship agreement with Tainan on Monday. "
            "Tanabe said the two cities would exchange students.")
    assert "Tanabe" not in partners(run(nlp, text))


# ---------------------------------------------------------------- two partners of one government

def test_another_sister_city_is_a_partner_of_the_same_government_not_of_the_city_before(nlp):
    text = ("A delegation from Chiayi City, Murray's sister city in Taiwan, visited Murray this week. "
            "Besides Murray, she said, the delegation also visited Jackson City, Miss., another sister city, "
            "on their current trip.")
    got = ties(run(nlp, text, published=dt.date(1991, 6, 18)))
    assert not any({"Murray", "Jackson"} == {a, b} for a, b, *_ in got)
    assert any({"Chiayi City", "Murray"} == {a, b} for a, b, *_ in got)


def test_a_city_and_another_sister_city_of_another_country_still_pair(nlp):
    text = "Mayor Lin visited Taichung's partners this month: in Sacramento, another sister city, he toured a farm."
    from extractors.pair_structure import co_partners
    from extractors.places import PlaceSpan
    from models.records import Level, Place

    def span(name, country, start):
        return PlaceSpan(start, start + len(name), name, "foreign" if country != "TW" else "taiwan",
                         place=Place(id=name, name=name, country=country, level=Level.CITY))
    taichung = span("Taichung", "TW", text.index("Taichung"))
    sacramento = span("Sacramento", "US", text.index("Sacramento"))
    assert not co_partners(text, taichung, sacramento)


# ---------------------------------------------------------------- a partner's own page

BELLEVUE = """Sister Cities
Bellevue has five sister cities around the world. The program promotes understanding through exchanges.
Hualien, Taiwan
Bellevue and Hualien established their relationship in 1984. The partnership has focused on student exchanges.
Kladno, Czech Republic
Bellevue and Kladno signed an agreement in 1992."""


def test_a_heading_naming_a_partner_is_dated_by_the_paragraph_below_that_tells_of_the_founding(nlp):
    got = ties(run(nlp, BELLEVUE, published=dt.date(2022, 10, 14), title="Sister Cities",
                   url="https://bellevuewa.gov/city-government/sister-cities"))
    assert ("Hualien", "Bellevue", "sister", "established", "1984") in got


def test_a_paragraph_below_that_names_a_third_place_dates_nothing(nlp):
    text = BELLEVUE.replace("Bellevue and Hualien established their relationship in 1984.",
                            "Hualien and Kyoto established their relationship in 1984.")
    got = ties(run(nlp, text, published=dt.date(2022, 10, 14), title="Sister Cities",
                   url="https://bellevuewa.gov/city-government/sister-cities"))
    assert ("Hualien", "Bellevue", "sister", "established", "1984") not in got


# ---------------------------------------------------------------- 'the two islands'

def test_the_two_islands_refers_back_to_the_pair_named_before(nlp):
    text = ("Guam and Taiwan's Penghu County marked the fifth anniversary of their sister-island relationship "
            "with a ceremony at the Guam Congress Building yesterday. The two islands signed the sister-island "
            "agreement in 2014.")
    got = ties(run(nlp, text, published=dt.date(2019, 11, 12)))
    assert ("Penghu", "Guam", "sister", "established", "2014") in got
    assert any(t[3] == "renewed" for t in got)


# ---------------------------------------------------------------- Japanese 'N年目を迎え'

def test_reaching_the_nth_year_in_japanese_is_a_renewal_beside_the_founding(nlp):
    text = ("与那国町と台湾花蓮市は1982年10月8日に姉妹都市を締結し、今年で41年目を迎えます。"
            "4月10日、花蓮市長が来町し、記念式典が開かれました。")
    got = ties(run(nlp, text, published=dt.date(2023, 4, 10), lang="ja"))
    assert got == {("Hualien City", "Yonaguni", "sister", "established", "1982-10-08"),
                   ("Hualien City", "Yonaguni", "sister", "renewed", "2023-04-10")}


def test_a_mayors_second_year_in_office_is_no_anniversary(nlp):
    text = "与那国町長は就任2年目を迎え、台湾花蓮市との姉妹都市交流を続けると述べた。"
    got = ties(run(nlp, text, published=dt.date(2023, 4, 10), lang="ja"))
    assert not any(t[3] == "renewed" for t in got)


# ---------------------------------------------------------------- Chinese 'after …, the Nth partner'

def test_a_partner_called_the_nth_after_another_makes_both_partners_of_the_government_after(nlp):
    text = "鎌倉市是繼2016年的熊本縣後，彰化縣第二個締結友好交流的日本城市。"
    got = {(a, b) for a, b, *_ in ties(run(nlp, text, published=dt.date(2018, 9, 21), lang="zh"))}
    assert got == {("Changhua", "Kamakura"), ("Changhua", "Kumamoto")}


def test_a_fronted_chinese_signing_after_which_keeps_its_own_year(nlp):
    text = "繼2016年與熊本縣締結友好交流後，彰化縣今天再與鎌倉市簽署友好交流協定。"
    got = ties(run(nlp, text, published=dt.date(2018, 9, 21), lang="zh"))
    assert ("Changhua", "Kumamoto", "friendship", "established", "2016") in got
    assert ("Changhua", "Kamakura", "friendship", "established", "2018-09-21") in got


def test_the_cities_possessive_refers_back_to_the_pair_named_before(nlp):
    text = ("Busan and Taiwan's Kaohsiung have been sister cities for 56 years. Last year, on the 55th anniversary "
            "of the cities' sisterhood, the Busan city government lit up its tower to celebrate the event.")
    got = ties(run(nlp, text, published=dt.date(2022, 1, 11)))
    assert ("Kaohsiung", "Busan", "sister", "renewed", "2021") in got


# ---------------------------------------------------------------- a partner's page going on about its tie

def test_the_relationship_in_the_next_sentence_dates_the_tie_of_the_sentence_before(nlp):
    text = ("The Rancho Cucamonga Sister City Association was founded in 1995. Our sister city is Hsinchu County, "
            "Taiwan, with whom we have exchanged student delegations every summer since 1996. The relationship was "
            "made official on April 12, 1995, when Mayor Dennis Stout signed the agreement.")
    got = ties(run(nlp, text, published=dt.date(2020, 11, 15), title="About Us",
                   url="https://rcsistercity.org/about", outlet="Rancho Cucamonga Sister City Association"))
    assert ("Hsinchu County", "Rancho Cucamonga", "sister", "established", "1995-04-12") in got


def test_the_relationship_after_a_sentence_of_two_pairs_dates_neither(nlp):
    text = ("Taipei and Houston signed a sister city agreement, and Kaohsiung and Miami signed one too. "
            "The relationship was made official on April 12, 1995.")
    got = ties(run(nlp, text, published=dt.date(2020, 11, 15)))
    assert not any(t[4] == "1995-04-12" for t in got)


# ---------------------------------------------------------------- Chinese 'X也是Y的姊妹市'

def test_a_chinese_partner_said_to_be_another_governments_sister_city_is_that_ones(nlp):
    text = ("新北市長侯友宜今(1)日與美國德州休士頓市長透納以視訊方式簽署「智慧城市合作備忘錄」。"
            "侯友宜表示，休士頓是美國第四大城，也是台北市的姊妹市，新北市期待與休士頓展開更多城市交流。")
    got = ties(run(nlp, text, published=dt.date(2021, 7, 1), lang="zh"))
    assert ("Taipei", "Houston", "sister", "established", None) in got
    assert ("New Taipei", "Houston", "mou", "established", "2021-07-01") in got
    assert not any(t[:3] == ("New Taipei", "Houston", "sister") for t in got)


# ---------------------------------------------------------------- "the city's ties with"

def test_the_citys_ties_with_a_partner_are_the_ties_of_the_city_named_before(nlp):
    text = ("A Tainan City delegation led by Mayor Lai Ching-te visited Sendai, Kanazawa and Kumamoto this week. "
            "Tainan signed a friendship agreement with Sendai in 2006 and with Kanazawa in 2017, while the city's "
            "ties with Kumamoto date to a 2015 memorandum.")
    got = partners(run(nlp, text, published=dt.date(2018, 11, 2)))
    assert set(got) == {"Sendai", "Kanazawa", "Kumamoto"}
    assert got["Kumamoto"][4] == "2015"


def test_a_city_page_saying_the_city_has_one_sister_city_pairs_it_with_the_page_owner(nlp):
    text = "The City has one sister city: Taoyuan District, Taiwan, since 1992."
    got = ties(run(nlp, text, published=dt.date(2020, 1, 1), title="International Relations",
                   outlet="City of Kennewick", url="https://www.go2kennewick.com/sister-city"))
    assert ("Taoyuan", "Kennewick", "sister", "established", "1992") in got


def test_the_relationship_began_in_a_year_dates_the_pair_of_the_sentence_before(nlp):
    text = "The City of Kennewick has one sister city, Taoyuan District in Taiwan. The relationship began in 1992."
    got = ties(run(nlp, text, published=dt.date(2020, 1, 1), title="Sister City", outlet="City of Kennewick",
                   url="https://www.go2kennewick.com/sister-city"))
    assert got == {("Taoyuan", "Kennewick", "sister", "established", "1992")}


# ---------------------------------------------------------------- the ends of a route

def test_the_start_of_a_trip_from_one_city_to_another_is_no_partner(nlp):
    text = ("During his 10-day trip from Seoul to Oklahoma City, Taipei Mayor Ko Wen-je will visit several of "
            "Taipei's sister cities, including Oklahoma City, which became a sister city in 1981.")
    got = partners(run(nlp, text, published=dt.date(2022, 5, 3)))
    assert set(got) == {"Oklahoma City"}


# ---------------------------------------------------------------- agreeing to cooperate

def test_heads_agreeing_to_cooperate_make_a_cooperation_tie(nlp):
    text = ("Osaka Gov. Hirofumi Yoshimura agreed with Kaohsiung Mayor Chen Chi-mai on Thursday to share "
            "experience and cooperate on port development and flood control.")
    got = ties(run(nlp, text, published=dt.date(2023, 6, 9)))
    assert ("Kaohsiung", "Osaka", "cooperation", "established", "2023-06-08") in got


def test_agreeing_on_a_visit_date_is_no_cooperation_tie(nlp):
    text = "Kaohsiung Mayor Chen Chi-mai agreed with Osaka officials on Thursday to visit the city next spring."
    assert not ties(run(nlp, text, published=dt.date(2023, 6, 9)))


def test_an_exchange_program_between_two_cities_is_a_cooperation_tie(nlp):
    text = ("The youth exchange program between Tainan City and Sendai City was launched in 2015, the city "
            "government said.")
    got = ties(run(nlp, text, published=dt.date(2018, 3, 1)))
    assert {(a, b, rel) for a, b, rel, *_ in got} == {("Tainan", "Sendai", "cooperation")}


def test_a_tie_suspended_until_a_later_month_was_paused_not_ended(nlp):
    text = ("The officials exchange program between Taipei City and Kasama City had been suspended until "
            "October of this year because of the COVID-19 pandemic.")
    got = ties(run(nlp, text, published=dt.date(2022, 11, 3)))
    assert got and not any(t[3] == "terminated" for t in got)


def test_a_suspended_sister_city_tie_is_still_ended(nlp):
    text = "Keelung suspended its sister city relationship with Cebu City in 2019, citing years of inactivity."
    got = ties(run(nlp, text, published=dt.date(2020, 1, 8)))
    assert ("Keelung", "Cebu City", "sister", "terminated", "2019") in got


def test_a_name_located_by_its_state_is_a_place_even_when_the_model_takes_it_for_a_person(nlp):
    text = ("Sister Cities\nLandkreis Starnberg, Bavaria, Germany\nStarnberg has prosperous tourist and food "
            "industries.\n\nDate of Affiliation : September 27, 1985\nOfficials of the two cities : Chief Magistrate "
            "of Taipei County Mr. Ling Fu-Cheng and Starnberg Mayor Mr. Rudolf Widmann")
    got = ties(run(nlp, text, published=None, title="Sister Cities", outlet="New Taipei City Government",
                   url="https://sdgs.ntpc.gov.tw/en/home.jsp?act=1"))
    assert {(b, e, d) for _, b, _, e, d in got} == {("Starnberg", "established", "1985-09-27")}


# ---------------------------------------------------------------- a local paper's own town

def test_a_small_city_the_model_misses_is_vouched_for_by_its_neighbours_in_the_same_state(nlp):
    text = ("West Jordan, Bountiful and South Salt Lake each keep sister cities abroad. "
            "Murray had the same idea for Chia-Yi City, Taiwan, the sister-city it adopted eight years ago.")
    got = partners(run(nlp, text, published=dt.date(1995, 8, 6)))
    assert got.get("Murray", ())[:4] == ("Chiayi City", "US", "sister", "established")


def test_a_name_with_no_neighbours_in_its_state_is_not_vouched_for(nlp):
    text = ("Tokyo, Osaka and Kyoto each keep sister cities abroad. "
            "Murray had the same idea for Chia-Yi City, Taiwan, the sister-city it adopted eight years ago.")
    assert "Murray" not in partners(run(nlp, text, published=dt.date(1995, 8, 6)))


# ---------------------------------------------------------------- towns named like countries

def test_a_country_name_located_by_a_us_state_is_the_town_there(nlp):
    got = partners(run(nlp, "San Marino, Calif., and Tamsui District in New Taipei City became sister cities on Monday."))
    assert set(got) == {"San Marino"} and got["San Marino"][1] == "US"
    got = partners(run(nlp, "Lebanon, Ohio, signed a sister city agreement with Xinwu District of Taoyuan on Monday."))
    assert set(got) == {"Lebanon"}


def test_a_list_of_countries_is_no_town(gazetteer):
    from extractors.place_choice import country_named_town
    from extractors.place_cues import AP_ABBREVIATIONS

    text = "Delegates came from Japan, Korea and Thailand."
    start = text.index("Japan")
    assert country_named_town(gazetteer, text, start, start + 5, AP_ABBREVIATIONS) is None


# ---------------------------------------------------------------- Taiwan Province by its government's name

def test_the_provincial_government_of_taiwan_is_taiwan_province(nlp):
    text = "In 1983, the Provincial Government of Taiwan began a sister state relationship with the state of Oklahoma."
    got = ties(run(nlp, text, published=dt.date(2010, 5, 1)))
    assert ("Taiwan Province", "Oklahoma", "sister", "established", "1983") in got


def test_an_alias_with_of_is_matched_as_written(gazetteer):
    forms = gazetteer.taiwan_surface_forms()
    assert "Province of Taiwan" in forms and "Province of Taiwan Province" not in forms


# ---------------------------------------------------------------- a record page on the partner's own site

def test_a_record_page_that_never_names_its_owner_pairs_the_partner_with_the_site_owner(nlp):
    text = ("Smart City MoU with Kaohsiung City\nPartner: Kaohsiung City, Taiwan\n"
            "Date of conclusion: March 25, 2019")
    got = ties(run(nlp, text, published=dt.date(2019, 4, 2), title="Fukuoka", outlet="City of Fukuoka",
                   url="https://www.city.fukuoka.lg.jp/english/"))
    assert ("Kaohsiung", "Fukuoka", "mou", "established", "2019-03-25") in got


def test_renewing_a_possessed_tie_is_dated_by_its_sentence(nlp):
    text = ("Gov. Terry McAuliffe and Taiwan Province Governor Shih Jun-ji renewed the Commonwealth of Virginia's "
            "sister-state relationship with Taiwan Province on Monday. The relationship was first established in 1980.")
    got = ties(run(nlp, text, published=dt.date(2017, 9, 19)))
    assert got == {("Taiwan Province", "Virginia", "sister", "renewed", "2017-09-18"),
                   ("Taiwan Province", "Virginia", "sister", "established", "1980")}


def test_the_citys_cut_ties_with_a_third_city_are_not_the_subjects(nlp):
    text = "Taipei signed a sister city agreement with Prague, months after the city's ties with Beijing were cut."
    assert set(partners(run(nlp, text, published=dt.date(2019, 10, 10)))) == {"Prague"}
    text = "Prague signed a sister city agreement with Taipei after the city's ties with Beijing were cut this year."
    assert set(partners(run(nlp, text, published=dt.date(2019, 10, 10)))) == {"Prague"}


def test_a_neighbours_name_that_speaks_is_a_person(nlp):
    text = ("Officials from Provo, Orem and Sandy attended the dinner. Draper said the sister city relationship "
            "with Taichung would help local businesses.")
    assert "Draper" not in partners(run(nlp, text, published=dt.date(2019, 10, 10)))
