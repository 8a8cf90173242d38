"""Stories and pages written here for the nineteenth round: a partner
introduced by an apposition ('Gimpo, a city in Gyeonggi Province'), a
second tie told after 'and the two cities …', and more."""

from __future__ import annotations

import datetime as dt

from conftest import partners, run, ties


# ---------------------------------------------------------------- appositions

def test_a_city_introduced_as_a_city_in_its_province_is_the_party_not_the_province(nlp):
    text = ("Gimpo, a city in Gyeonggi Province, signed a memorandum of understanding on exchange and "
            "cooperation with Taoyuan County of Taiwan on Monday, the city said.")
    got = partners(run(nlp, text, published=dt.date(2012, 9, 10)))
    assert set(got) == {"Gimpo"}
    assert got["Gimpo"][1:4] == ("KR", "mou", "established")


def test_a_town_introduced_as_a_small_town_in_its_region_is_the_party(nlp):
    text = ("Higashikawa, a small town in central Hokkaido, signed a friendship agreement with "
            "Hsinchu County on Tuesday.")
    assert set(partners(run(nlp, text))) == {"Higashikawa"}


# ---------------------------------------------------------------- a second tie after 'and the two cities'

def test_an_upgrade_told_after_and_the_two_cities_is_a_renewal_with_its_own_year(nlp):
    text = ("A delegation from Tainan City, Taiwan, visited Sendai on June 28. Sendai and Tainan have had a "
            "friendly exchange relationship since the signing of a memorandum on tourism exchange in 2006, "
            "and the two cities upgraded their ties to a friendship city agreement in 2016.")
    got = ties(run(nlp, text, published=dt.date(2016, 7, 1)))
    assert ("Tainan", "Sendai", "friendship", "renewed", "2016") in got
    assert {t[3:] for t in got} == {("established", "2006"), ("renewed", "2016")}


# ---------------------------------------------------------------- Chinese upgrades and anniversaries

def test_a_chinese_upgrade_of_an_older_tie_in_one_sentence_gives_both_events(nlp):
    text = "嘉義市與日本人吉市今日將2017年締結的友好交流關係升格為姊妹市，由市長黃敏惠與人吉市長松岡隼人共同簽署。"
    got = ties(run(nlp, text, published=dt.date(2023, 5, 10), lang="zh"))
    assert got == {("Chiayi City", "Hitoyoshi", "sister", "renewed", "2023-05-10"),
                   ("Chiayi City", "Hitoyoshi", "friendship", "established", "2017")}


def test_an_agreement_signed_to_upgrade_a_tie_is_the_upgrade_not_a_cooperation_agreement(nlp):
    text = ("嘉義市長黃敏惠今日與日本人吉市長松岡隼人簽署協定，將2017年締結的友好交流關係升格為姊妹市，"
            "未來將在觀光與教育方面深化合作。")
    got = ties(run(nlp, text, published=dt.date(2023, 5, 10), lang="zh"))
    assert ("Chiayi City", "Hitoyoshi", "sister", "renewed", "2023-05-10") in got
    assert {t[2] for t in got} == {"sister", "friendship"}


def test_jiang_before_a_verb_still_plans_a_tie(nlp):
    text = "嘉義市將於明年與日本人吉市締結姊妹市。"
    assert {t[3] for t in ties(run(nlp, text, published=dt.date(2023, 5, 10), lang="zh"))} == {"proposed"}


def test_a_count_of_years_celebrated_today_is_a_renewal_and_dates_the_founding(nlp):
    text = "屏東縣與美國夏威夷郡締結友好城市已屆5年，縣長潘孟安今日出席慶祝活動。"
    got = ties(run(nlp, text, published=dt.date(2022, 10, 3), lang="zh"))
    assert got == {("Pingtung", "Hawaii County", "friendship", "renewed", "2022-10-03"),
                   ("Pingtung", "Hawaii County", "friendship", "established", "2017")}


def test_a_count_of_years_with_no_celebration_only_dates_the_founding(nlp):
    text = "屏東縣與美國夏威夷郡締結友好城市已屆5年，雙方在農業與觀光上交流密切。"
    got = ties(run(nlp, text, published=dt.date(2022, 10, 3), lang="zh"))
    assert {t[3:] for t in got} == {("established", "2017")}


# ---------------------------------------------------------------- councils and boards acting for their government

def test_a_city_council_that_reaffirms_a_tie_renews_it_for_its_city(nlp):
    text = ("The Lubbock City Council on Thursday reaffirmed its sister city relationship with Taichung, which "
            "dates to 1989, after a visit by Taichung deputy mayor Lin Ling-san.")
    got = ties(run(nlp, text, published=dt.date(2017, 6, 14)))
    assert got == {("Taichung", "Lubbock", "sister", "renewed", "2017-06-08"),
                   ("Taichung", "Lubbock", "sister", "established", "1989")}


def test_a_county_board_that_approves_an_agreement_proposes_it_for_its_county(nlp):
    text = ("The Ramsey County Board approved a friendship agreement with Pingtung County, Taiwan, on Tuesday. "
            "The agreement, which officials from both counties will sign in December, covers agricultural trade.")
    got = partners(run(nlp, text, published=dt.date(2008, 11, 5)))
    assert got["Ramsey County"][1:4] == ("US", "friendship", "proposed")


def test_a_tourism_board_is_no_county_board(nlp):
    text = "The Pingtung County Tourism Board approved a friendship agreement with the Hokkaido Tourism Organization."
    assert partners(run(nlp, text)) == {}
