"""Stories and pages written here for the seventeenth round: a mayor who
'co-hosted' a signing, a trip made to sign, two leaders as one subject, a
Japanese town with its unit glued on, an anniversary whose founding year is
written out beside it, a prefecture signing beside its own city, Chinese
lists that date each item first, ROC years in words, and what a city's own
site calls 'our sister cities'."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import partners, run

from extractors.anniversaries import founded_and_kept
from extractors.gazetteer.names import glued_japanese_stem, written_as
from extractors.lexicon import event_of
from extractors.org_names import is_org
from models.records import DatePrecision, Event, EventDate


# ---------------------------------------------------------------- 'co-hosted' is no company

def test_a_hyphened_verb_after_a_name_is_no_company_abbreviation():
    text = "Mayor Lynne Robinson of Bellevue co-hosted a virtual signing ceremony."
    at = text.index("Bellevue")
    assert not is_org(text, at, at + len("Bellevue"))
    text = "Shares of Bellevue Co. rose."
    at = text.index("Bellevue")
    assert is_org(text, at, at + len("Bellevue"))  # ('Co.' still makes a company)


def test_a_city_whose_mayor_co_hosted_the_signing_is_a_party(nlp):
    text = ("Mayor Lin Chih-chien of Hsinchu City and Mayor Lynne Robinson of Bellevue co-hosted a virtual "
            "friendship agreement signing ceremony on May 11.")
    got = partners(run(nlp, text, published=dt.date(2021, 5, 12)))
    assert got["Bellevue"] == ("Hsinchu City", "US", "friendship", "established", "2021-05-11")


# ---------------------------------------------------------------- a trip made to sign

@pytest.mark.parametrize("text", [
    "Magistrate Hsu traveled to Sendai on July 18 to sign a friendship city agreement with Hualien County.",
    "Mayor Lu met the two mayors in the Netherlands to sign an MOU on smart cities.",
    "She thanked Mayor Joo for travelling from South Korea to sign this exchange agreement.",
])
def test_a_trip_made_to_sign_tells_of_a_signing_done(text):
    assert event_of(text)[0] is Event.ESTABLISHED


@pytest.mark.parametrize("text", [
    "Magistrate Hsu will travel to Sendai on July 18 to sign a friendship city agreement.",
    "Magistrate Hsu plans to visit Sendai next month to sign a friendship city agreement.",
    "The mayor visited Sendai last year and hopes to sign a friendship city agreement.",
])
def test_a_trip_still_to_come_plans_the_signing(text):
    assert event_of(text)[0] is Event.PROPOSED


def test_the_day_of_the_trip_dates_the_signing(nlp):
    text = ("Hualien County Magistrate Hsu traveled to Sendai on July 18 to sign a friendship city agreement "
            "with Sendai Mayor Kori Kazuko.")
    got = partners(run(nlp, text, published=dt.date(2022, 7, 21)))
    assert got["Sendai"] == ("Hualien", "JP", "friendship", "established", "2022-07-18")


# ---------------------------------------------------------------- two leaders, one subject

def test_two_leaders_joined_by_and_are_one_subject_not_a_new_clause(nlp):
    text = ("The office said that in 2015 former Taichung Mayor Lin Chia-lung and Governor Ishii signed a "
            "memorandum to strengthen tourism cooperation with Toyama Prefecture.")
    got = partners(run(nlp, text, published=dt.date(2021, 4, 13)))
    assert got["Toyama"][3:] == ("established", "2015")


def test_a_clause_after_a_predicate_still_keeps_its_own_undated_tie(nlp):
    text = ("Aomori and Taichung signed a friendship agreement in 2017, and Taichung later signed a cooperation "
            "agreement with Tottori Prefecture.")
    got = partners(run(nlp, text))
    assert got["Aomori"][4] == "2017"
    assert got["Tottori"][4] is None


# ---------------------------------------------------------------- 'Omamachi': a town with its unit glued on

def test_a_glued_japanese_unit_is_read_off_the_name(gazetteer):
    assert glued_japanese_stem("Omamachi") == "Oma"
    assert glued_japanese_stem("Yomitanson") == "Yomitan"
    assert glued_japanese_stem("Machi") is None
    assert gazetteer.foreign_lookup("Poncho") == []  # (a stem only reaches Japanese places, and 'Pon' is none)
    assert written_as("Ōma", "Omamachi") and not written_as("Ōmachi", "Omamachi")
    [oma] = gazetteer.foreign_lookup("Omamachi")[:1]
    assert (oma.country, oma.admin1) == ("JP", "Aomori")
    # A name that is a place as written keeps its own match ('Omachi' is Ōmachi, not 'O' town).
    assert gazetteer.foreign_lookup("Omachi")[0].name == "Ōmachi"


def test_a_town_written_with_its_unit_and_prefecture_is_that_town(nlp):
    text = "The friendship agreement was inked in 1985 between Omamachi, Aomori and Yuchi Township, Nantou."
    got = partners(run(nlp, text))
    assert set(got) == {"Ōma"}
    assert got["Ōma"] == ("Yuchi", "JP", "friendship", "established", "1985")


# ---------------------------------------------------------------- an anniversary beside its founding

def test_an_alliances_anniversary_dates_its_founding(nlp):
    text = "This year marks the 30th anniversary of the sister city alliance between Taoyuan City and Ventura."
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2019, 5, 2))}
    assert got == {("renewed", "2019"), ("established", "1989")}


def test_a_founding_year_written_out_beside_the_count_is_the_founding():
    text = ("The mayor stated that this year marks the 40th anniversary of the sister city alliance between the "
            "two cities, which was officially formed in 1980.")
    written = EventDate(value=dt.date(1980, 1, 1), precision=DatePrecision.YEAR, text="1980")
    founded, kept = founded_and_kept(text, written)  # (no publication date: 'this year' is read from the count)
    assert (founded.iso(), kept.iso()) == ("1980", "2020")


def test_a_kept_date_that_is_not_the_founding_is_left_as_it_is():
    text = "The two cities celebrated the 40th anniversary of their sister city relationship on May 3, 2020."
    kept = EventDate(value=dt.date(2020, 5, 3), precision=DatePrecision.DAY, text="May 3, 2020")
    founded, same = founded_and_kept(text, kept)
    assert (founded.iso(), same) == ("1980", kept)


# ---------------------------------------------------------------- Chinese: 'has' before a name, ROC years in words

def test_a_verb_before_a_known_name_is_not_part_of_a_new_town(nlp):
    text = "王議員說,高雄市在美國有西雅圖市及波特蘭市等姊妹市,但都位於西岸。"
    got = partners(run(nlp, text, published=dt.date(2020, 2, 26), lang="zh"))
    assert set(got) == {"Seattle", "Portland"}


@pytest.mark.parametrize("text, expected", [
    ("並在九十一年簽訂為姊妹城市", "2002"),
    ("在七十一年七月一日升格為省轄市", "1982-07-01"),
    ("雙方於八十五年締結友好城市", "1996"),
])
def test_a_roc_year_in_chinese_numerals_after_a_word_of_time_or_before_a_month(text, expected):
    from extractors.dates import find_dates

    assert [d.date.iso() for d in find_dates(text, dt.date(2024, 5, 1))] == [expected]


@pytest.mark.parametrize("text", ["已經九十一年", "在八十年代", "成立五十年", "已有九十一年歷史", "在五十年間"])
def test_a_count_of_years_in_chinese_numerals_is_no_roc_year(text):
    from extractors.dates import find_dates

    assert not [d for d in find_dates(text, dt.date(2024, 5, 1)) if d.date.text and "十" in d.date.text[:2]]


def test_a_tie_dated_by_a_roc_year_in_words(nlp):
    text = "黃市長表示，嘉義市與新竹市在九十一年簽訂為姊妹城市，迄今已二十二年。"
    found = run(nlp, text, published=dt.date(2024, 5, 1), lang="zh")
    assert {(m.b.name, m.date.iso() if m.date else None) for m in found} == {("Hsinchu City", "2002")}


@pytest.mark.parametrize("text", ["Update Time：108-10-21", "Date: 108/10/21", "發布日期：108.10.21"])
def test_a_government_pages_roc_date_with_any_separator(text):
    from extractors.dates import find_dates

    assert [d.date.iso() for d in find_dates(text, None)] == ["2019-10-21"]


@pytest.mark.parametrize("text", ["call 110-12-345", "version 1.108.10.21", "108-10/21"])
def test_numbers_that_only_look_like_a_roc_date(text):
    from extractors.dates import find_dates

    assert find_dates(text, None) == []


def test_a_roc_date_under_the_label_dates_yesterday(nlp):
    text = ("Update Time：108-10-21\nChiayi County Magistrate Weng Chang-liang signed a memorandum of understanding "
            "on agricultural exchanges with the Mayor of Tsukuba yesterday.")
    from extractors.pipeline import collapse, extract
    from models.records import DocumentInput

    [result] = extract(nlp, [DocumentInput(key="t", text=text, lang="en", url="https://www.cyhg.gov.tw/en/n?s=2")])
    assert {(m.b.name, m.date.iso()) for m in collapse(result.mentions)} == {("Tsukuba", "2019-10-20")}


# ---------------------------------------------------------------- when it was said; a prefecture's own town

def test_the_day_a_tie_was_mentioned_does_not_date_it(nlp):
    text = "The Hsinchu City Government donated 10,000 masks to its sister city, Beaverton, Oregon, the city said yesterday."
    got = partners(run(nlp, text, published=dt.date(2020, 10, 20)))
    assert got["Beaverton"] == ("Hsinchu City", "US", "sister", "established", None)


def test_a_town_the_gazetteer_lacks_is_placed_in_the_prefecture_that_owns_it(nlp):
    text = "Nantou County and Shizuoka Prefecture's Kawanehon Town have been sister cities since 2011, the county said."
    found = [m for m in run(nlp, text) if m.a.country == "TW"]
    assert [(m.b.name, m.b.admin1, m.b.country, m.date.iso()) for m in found] == \
        [("Kawanehon Town", "Shizuoka", "JP", "2011")]


# ---------------------------------------------------------------- a hope for more under a tie just signed

@pytest.mark.parametrize("text, event", [
    ("He hoped that Mie and Taitung would deepen their exchanges after the signing of the MOU.", Event.ESTABLISHED),
    ("Both sides hope to expand exchanges under the friendship agreement.", Event.ESTABLISHED),
    ("The mayor hopes to sign a sister city agreement with Okayama after the visit.", Event.PROPOSED),
    ("The county hopes the two cities can become sister cities following the visit.", Event.PROPOSED),
])
def test_a_hope_plans_a_tie_only_where_the_tie_is_what_is_hoped_for(text, event):
    assert event_of(text)[0] is event


def test_hopes_voiced_after_a_signing_add_no_planned_tie(nlp):
    text = ("Taitung County signed memoranda of understanding on tourism with the cities of Ise and Toba in Mie "
            "Prefecture on Thursday. Governor Suzuki of Mie attended the ceremony. He said he hoped that Mie and "
            "Taitung would deepen their exchanges after the signing of the MOU.")
    found = run(nlp, text, published=dt.date(2016, 1, 21))
    assert {(m.b.name, m.event.value) for m in found} == {("Ise", "established"), ("Toba", "established")}


@pytest.mark.parametrize("subject", ["The two cities", "The two", "The pair"])
def test_the_two_named_before_found_their_tie_again(nlp, subject):
    text = ("Hsinchu County upgraded its friendship ties with Japan's Hitachiota to a sister city relationship on "
            f"Wednesday. {subject} established friendship ties in 2009.")
    found = run(nlp, text, published=dt.date(2011, 12, 1))
    assert ("friendship", "established", "2009") in {(m.relation.value, m.event.value, m.date.iso() if m.date else None)
                                                     for m in found}


def test_years_of_the_cities_own_friendship_date_its_founding(nlp):
    text = ("A delegation from Kure, Hiroshima Prefecture, visited Keelung on Friday to mark ten years of the cities’ "
            "friendship agreement.")
    found = run(nlp, text, published=dt.date(2024, 2, 10))
    assert {(m.event.value, m.date.iso()) for m in found} == {("renewed", "2024-02-09"), ("established", "2014")}


@pytest.mark.parametrize("text, expected", [
    ("2019年3月雙方簽署備忘錄，同年6月，市議會通過締盟案。", ["2019-03", "2019-06"]),
    ("2013年に協定を締結し、同年9月27日に記念式典を開いた。", ["2013", "2013-09-27"]),
    ("該年十月，兩市正式締結姊妹市。", ["2025-10"]),
])
def test_a_month_of_the_same_year_takes_the_year_named_before(text, expected):
    from extractors.dates import find_dates

    assert [d.date.iso() for d in find_dates(text, dt.date(2025, 9, 15))] == expected


def test_a_month_of_the_same_year_with_no_year_before_is_the_publications(nlp):
    text = "新竹市長14日與日本長野市長簽署友好城市協定。同年五月，長野市議會已通過支持與新竹市締結友好城市議案。"
    found = run(nlp, text, published=dt.date(2024, 9, 15), lang="zh")
    assert {(m.event.value, m.date.iso()) for m in found} == {("established", "2024-09-14"), ("proposed", "2024-05")}


# ---------------------------------------------------------------- a prefecture and its city, both parties

def test_a_prefecture_whose_governor_signs_beside_its_citys_mayor_is_a_party(nlp):
    text = ("Chiayi City Mayor Twu Shiing-jer signed a memorandum of understanding with Shimane Prefecture Governor "
            "Zenbe Ryoji and Matsue City Mayor Matsuura Masataka on June 3 at Matsue Castle.")
    got = partners(run(nlp, text, published=dt.date(2018, 6, 4)))
    assert got == {"Shimane": ("Chiayi City", "JP", "mou", "established", "2018-06-03"),
                   "Matsue": ("Chiayi City", "JP", "mou", "established", "2018-06-03")}


@pytest.mark.parametrize("text, expected", [
    ("Chiayi City signed a tourism memorandum with Shimane Prefecture and Matsue on Sunday.", {"Shimane", "Matsue"}),
    ("Taitung County signed a friendship agreement with Kure City and the Hiroshima Prefecture government on "
     "Thursday.", {"Kure", "Hiroshima"}),
    # ... while a prefecture that only says where the towns are is none
    ("Taitung County signed memoranda with Ise and Toba in Mie Prefecture on Thursday.", {"Ise", "Toba"}),
])
def test_a_prefecture_coordinated_with_its_city_as_the_ties_object_is_a_party(nlp, text, expected):
    assert set(partners(run(nlp, text, published=dt.date(2018, 6, 4)))) == expected


# ---------------------------------------------------------------- 'A and B, sister cities since …'

def test_two_places_called_sister_cities_are_each_others_partners_not_a_visitors(nlp):
    text = ("Seattle and Kobe, sister cities since 1957, celebrated their anniversary as a delegation from Taipei "
            "toured the port.")
    found = run(nlp, text)
    assert {frozenset((m.a.name, m.b.name)) for m in found} == {frozenset(("Seattle", "Kobe"))}


def test_sister_cities_of_others_still_pair_item_by_item(nlp):
    text = "Sendai and Kumamoto, sister cities of Tainan and Taichung, sent delegations."
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Tainan", "Sendai"), ("Taichung", "Kumamoto")}


# ---------------------------------------------------------------- a council's vote in Chinese, and 'via' video

@pytest.mark.parametrize("text, event", [
    ("布拉格市議會今天通過與台北市締結姊妹市協議。", Event.PROPOSED),
    ("議會通過與夏威夷郡締結姊妹市案。", Event.PROPOSED),
    ("兩市今天通過視訊簽署友好城市協定。", Event.ESTABLISHED),  # ('通過' as 'via': signed by video)
    ("雙方通過線上方式締結友好城市。", Event.ESTABLISHED),
])
def test_a_council_passing_a_tie_proposes_it_but_signing_via_video_makes_it(text, event):
    assert event_of(text)[0] is event


@pytest.mark.parametrize("text, expected", [
    ("来年春に友好都市協定を締結することで合意した。", ["2024"]),
    ("雙方預計來年3月簽署備忘錄。", ["2024-03"]),
    ("將來年輕人交流會更多。", []),  # ('將來' is 'the future', '年輕' 'young')
    ("未來年度預算將增加。", []),
])
def test_next_year_in_japanese_and_chinese(text, expected):
    from extractors.dates import find_dates

    assert [d.date.iso() for d in find_dates(text, dt.date(2023, 10, 1))] == expected


# ---------------------------------------------------------------- a city's own site after its dateline

def test_a_cityof_site_is_the_city_far_larger_than_its_namesakes(gazetteer):
    from extractors.page_owner import page_owner

    owner = page_owner("https://www.cityofirvine.org/news/sister-city", gazetteer)
    assert (owner.name, owner.admin1) == ("Irvine", "California")  # (not the Kentucky town of 2,400)
    assert page_owner("https://www.cityofspringfield.org/news", gazetteer) is None  # (many Springfields, none dominant)


def test_the_sites_own_mayor_after_its_dateline_signs_for_the_site(nlp):
    text = ("IRVINE, Calif. — Mayor Farrah Khan and Taoyuan Mayor Cheng Wen-tsan signed a memorandum of understanding "
            "on Monday to explore a future sister city relationship.")
    found = run(nlp, text, published=dt.date(2022, 8, 16), url="https://www.cityofirvine.org/news/x")
    assert {(m.a.name, m.b.name, m.relation.value, m.event.value) for m in found if m.event.value == "established"} \
        == {("Taoyuan", "Irvine", "mou", "established")}


def test_sister_regions_are_a_tie(nlp):
    text = "Jeju Province and Taiwan's Penghu County have been sister regions since 2011."
    assert {(m.a.name, m.relation.value, m.date.iso()) for m in run(nlp, text)} == {("Penghu", "sister", "2011")}


# ---------------------------------------------------------------- a Chinese list whose items carry their dates first

def test_a_chinese_lists_items_each_take_the_date_written_before_them(nlp):
    text = ("台中市目前共有29個姊妹市，其中日本佔7個，包括2017年締盟的青森縣、2018年的熊本縣，以及今年3月新增的大阪府。"
            "市長盧秀燕表示，未來將持續拓展城市外交。")
    found = run(nlp, text, published=dt.date(2024, 6, 10), lang="zh")
    assert {(m.b.name, m.relation.value, m.date.iso()) for m in found} == {
        ("Aomori", "sister", "2017"), ("Kumamoto", "sister", "2018"), ("Osaka", "sister", "2024-03")}


def test_a_month_named_for_a_tie_already_renewed_is_the_last_one_before_publication(nlp):
    text = "Hsinchu City and Bellevue renewed their friendship agreement for five years in March."
    found = run(nlp, text, published=dt.date(2024, 1, 10))
    assert [(m.event.value, m.date.iso()) for m in found] == [("renewed", "2023-03")]


def test_a_relative_year_still_to_come_dates_no_tie_made(nlp):
    text = "Hsinchu City and Bellevue renewed their friendship agreement, and the mayor will visit Bellevue next year."
    found = run(nlp, text, published=dt.date(2024, 1, 10))
    assert [(m.event.value, m.date) for m in found] == [("renewed", None)]


def test_an_anniversary_days_ahead_is_still_to_come_not_last_years(nlp):
    text = "September 3 marks the fifth anniversary of the friendship agreement between Hsinchu City and Bellevue."
    found = run(nlp, text, published=dt.date(2024, 8, 30))
    assert ("renewed", "2023-09-03") not in {(m.event.value, m.date.iso() if m.date else None) for m in found}


# ---------------------------------------------------------------- 'Our sister cities' on a city's own site

@pytest.mark.parametrize("text, expected", [
    ("Our sister cities are Hsinchu, Taiwan; Toyokawa, Japan; and Copertino, Italy.", None),
    ("Our sister city Hsinchu sent a delegation in 2018.", None),  # (the visit's year, not the tie's)
    ("Our sister city relationship with Hsinchu was signed in 1998.", "1998"),
])
def test_our_sister_cities_are_the_sites_own(nlp, text, expected):
    found = [m for m in run(nlp, text, published=dt.date(2019, 1, 1), url="https://www.cupertino.org/about",
                            outlet="City of Cupertino") if m.a.country == "TW"]
    assert [(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found] == \
        [("Hsinchu City", "Cupertino", expected)]
