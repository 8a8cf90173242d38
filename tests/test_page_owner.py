"""A government's own page speaks of itself as 本市 or 'the City': its
owner comes from the page's address, and only from a government's own site."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run

from extractors.gazetteer.index import load_gazetteer
from extractors.page_owner import page_owner, self_references
from models.settings import load_settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(load_settings().cache_dir)


@pytest.mark.parametrize("url, owner", [
    ("https://www.city.takamatsu.kagawa.jp/kurashi/kokusai.html", ("Takamatsu", "JP", "city")),
    ("http://www.city.yatsushiro.lg.jp/kiji0031234/index.html", ("Yatsushiro", "JP", "city")),
    ("https://www.pref.kagawa.lg.jp/kokusai/", ("Kagawa", "JP", "prefecture")),
    ("https://english.taichung.gov.tw/2482415/post", ("Taichung", "TW", "special_municipality")),
    ("https://english.sec.gov.taipei/News_Content.aspx", ("Taipei", "TW", "special_municipality")),
    ("https://www.hsinchu.gov.tw/News.aspx", ("Hsinchu County", "TW", "county")),
    ("http://www3.cityofrosemead.org/agenda.pdf", ("Rosemead", "US", "city")),
])
def test_a_government_site_names_its_owner(gaz, url, owner):
    place = page_owner(url, gaz)
    assert (place.name, place.country, place.level.value) == owner


@pytest.mark.parametrize("url", [
    "https://udn.com/news/story/7328/9359186",  # a news site
    "https://www.kcc.gov.tw/News.aspx",  # Kaohsiung's council, not its government
    "https://theme.maolin-nsa.gov.tw/",  # a national scenic area's office
    "https://tourism.chcg.gov.tw/",  # an agency's subdomain
    "https://www.city.nosuchplace.kagawa.jp/",  # no such city
    "file:///etc/passwd", "not a url", None,
])
def test_any_other_address_owns_nothing(gaz, url):
    assert page_owner(url, gaz) is None


def test_the_words_by_which_a_page_speaks_of_itself_become_its_owner(gaz):
    takamatsu = page_owner("https://www.city.takamatsu.kagawa.jp/", gaz)
    text = "基隆市公式訪問団が本市を訪れた。日本市場に出荷。本市と当市。"
    spans = self_references(text, takamatsu, taken=[(0, 3)])
    assert [(text[s.start:s.end], s.place.name, s.notes) for s in spans] == [
        ("本市", "Takamatsu", ["page owner"]), ("本市", "Takamatsu", ["page owner"]),
        ("当市", "Takamatsu", ["page owner"])]  # 日本市場 is a market in Japan
    rosemead = page_owner("http://www.cityofrosemead.org/", gaz)
    assert [s.text for s in self_references("the City of Keelung and the City agreed", rosemead, [])] == ["the City"]


def test_a_partner_page_that_never_names_itself_still_gives_the_pair(nlp):
    text = "平成29(2017)年5月1日、基隆市公式訪問団が本市を訪れ、交流協定を締結しました。"
    found = run(nlp, text, published=dt.date(2017, 5, 2), lang="ja",
                url="https://www.city.takamatsu.kagawa.jp/kurashi/kokusai/keelung.html")
    assert {(m.a.name, m.b.name) for m in found} == {("Keelung", "Takamatsu")}
    assert run(nlp, text, published=dt.date(2017, 5, 2), lang="ja", url="https://example.com/a") == []


@pytest.mark.parametrize("url, owner", [
    ("https://records.cupertino.org/agenda/1234", ("Cupertino", "California")),
    ("https://laserfiche.arcadiaca.gov/WebLink/doc.aspx", ("Arcadia", "California")),  # name and state code
    ("https://www.houstontx.gov/news.html", ("Houston", "Texas")),
])
def test_a_us_city_site_under_its_own_name_names_its_owner(gaz, url, owner):
    place = page_owner(url, gaz)
    assert (place.name, place.admin1) == owner


@pytest.mark.parametrize("url", ["https://mkcclegisearch.kingcounty.gov/", "https://www.nasa.gov/",
                                 "https://www.python.org/", "https://news.mt.gov/"])
def test_a_us_site_that_is_no_single_large_city_owns_nothing(gaz, url):
    assert page_owner(url, gaz) is None
