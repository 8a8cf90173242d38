"""Partner-side and list pages, and names, met after the labelled corpus,
each on a text written here: a Korean city's page that never writes its
name, a heading that owns its inline list, 'the Tainan relationship' on a
US city's page, Japanese era years with the western year in brackets, and
US counties named after a state."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.dates import find_dates
from extractors.gazetteer.index import load_gazetteer
from extractors.page_owner import outlet_owner, page_owner
from models.settings import Settings
from conftest import run


def _ties(found):
    return {(m.a.name, m.b.name, m.relation.value, m.event.value, m.date.iso() if m.date else None) for m in found}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings().cache_dir)


@pytest.mark.parametrize("text, iso", [
    ("令和元年（2019年）10月24日締結", "2019-10-24"),
    ("2019年（令和元年）10月24日", "2019-10-24"),
    ("昭和47年（1972年）4月提携", "1972-04"),
    ("民國108年(2019年)10月5日", "2019-10-05"),
    ("協定締結（令和元年5月）", "2019-05"),
])
def test_a_year_written_twice_keeps_its_month_and_day(text, iso):
    [found] = find_dates(text, None)
    assert found.date.iso() == iso


def test_a_bare_row_under_a_heading_of_ties_pairs_with_the_page_owner(nlp):
    text = "姉妹都市\nカンザスシティ市（アメリカ合衆国）　昭和47年4月10日提携\n交流協定都市\n台湾・新竹市　令和元年（2019年）10月24日締結"
    got = _ties(run(nlp, text, lang="ja", title="姉妹都市・友好都市", outlet="岡山県倉敷市"))
    assert got == {("Hsinchu City", "Kurashiki", "cooperation", "established", "2019-10-24")}


def test_teikei_alone_takes_the_kind_of_its_heading(nlp):
    text = "姉妹都市\n台湾・新竹市　令和元年（2019年）10月24日提携"
    got = _ties(run(nlp, text, lang="ja", outlet="岡山県倉敷市"))
    assert {(a, b, rel) for a, b, rel, _, _ in got} == {("Hsinchu City", "Kurashiki", "sister")}


@pytest.mark.parametrize("url, name", [
    ("https://www.gimhae.go.kr/english/sister", "Gimhae"),
    ("https://english.busan.go.kr/index", "Busan"),
    ("https://www.mofa.go.kr/eng/index.do", None),  # a ministry's site names no place
])
def test_a_korean_local_governments_site_is_its_owner(gaz, url, name):
    owner = page_owner(url, gaz)
    assert (owner.name if owner else None) == name


@pytest.mark.parametrize("outlet, name, country", [
    ("Gimhae City", "Gimhae", "KR"),
    ("Quezon City", "Quezon City", "PH"),  # the whole name first: not Quezon, Bukidnon
    ("Taichung City", "Taichung", "TW"),
    ("Dallas Morning News", None, None),
])
def test_a_publisher_named_as_a_city_is_that_city(gaz, outlet, name, country):
    owner = outlet_owner(outlet, gaz)
    assert (owner.name if owner else None, owner.country if owner else None) == (name, country)


def test_a_heading_opening_its_inline_list_lists_the_page_owners_partners(nlp):
    text = ("Sister Cities & Friendship Cities\n"
            "Sister Cities: Munakata (Japan, 1992), Jiaxing (China, 2002), Kaohsiung County (Taiwan, 1998)")
    got = {(a, b, date) for a, b, _, _, date in _ties(run(nlp, text, url="https://www.gimhae.go.kr/english/sister",
                                                         outlet="Gimhae City"))}
    # (the county, merged into Kaohsiung in 2010, is stored as today's government)
    assert ("Kaohsiung", "Gimhae", "1998") in got
    assert not any("Kaohsiung" in (a, b) and "Gimhae" not in (a, b) for a, b, _ in got)


def test_the_partners_relationship_is_the_tie_with_the_lists_owner(nlp):
    text = ("Boise has three sister cities: Chita, Russia; Gernika, Spain; and Tainan, Taiwan. The Tainan "
            "relationship dates to 1988 and was renewed at a ceremony in Boise in 2018, marking its 30th anniversary.")
    got = {t for t in _ties(run(nlp, text)) if t[0] == "Tainan"}
    # (not Gernika, the foreign place named last before it)
    assert got == {("Tainan", "Boise", "sister", "established", "1988"),
                   ("Tainan", "Boise", "sister", "renewed", "2018")}


def test_a_renewal_told_of_a_side_borrowed_from_before_is_a_renewal(nlp):
    text = ("Boise and Tainan became sister cities in 1988. The Tainan relationship was renewed at a ceremony "
            "in Boise in 2018.")
    assert {(e, d) for _, _, _, e, d in _ties(run(nlp, text))} == {("established", "1988"), ("renewed", "2018")}


@pytest.mark.parametrize("text, admin1", [
    ("桃園市與美國德拉瓦郡締結姊妹市。", None),  # six states have one: none guessed
    ("桃園市與美國俄亥俄州德拉瓦郡締結姊妹市。", "Ohio"),
])
def test_a_county_named_after_a_state_is_that_county(nlp, text, admin1):
    [tie] = run(nlp, text, lang="zh", published=dt.date(2024, 5, 1))
    assert (tie.b.name, tie.b.country, tie.b.admin1) == ("Delaware County", "US", admin1)


@pytest.mark.parametrize("written, name", [("Gimhae", "Gimhae"), ("Jinju", "Jinju"), ("Namwon", "Namwon")])
def test_korean_cities_are_written_in_the_romanization_in_use(nlp, written, name):
    found = run(nlp, f"Kaohsiung signed a sister city agreement with {written}, South Korea, on Monday.")
    assert {m.b.name for m in found} == {name}
