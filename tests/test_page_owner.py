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
    # a city named like its prefecture, told apart by a hyphen: the city, then the prefecture
    ("https://www.city.yamagata-yamagata.lg.jp/kurashi/kokusai/1001.html", ("Yamagata", "JP", "city")),
    # a town GeoNames lacks is named by its own domain
    ("https://www.town.taketomi.lg.jp/kouryu/taiwan.html", ("Taketomi", "JP", "city")),
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


def test_a_us_county_site_under_its_own_name_names_the_county(gaz):
    # (King County's legislative search: the county's own records, Washington's King County being Taiwan's partner)
    place = page_owner("https://mkcclegisearch.kingcounty.gov/", gaz)
    assert (place.name, place.admin1, place.level.value) == ("King County", "Washington", "county")


@pytest.mark.parametrize("url", ["https://www.nasa.gov/",
                                 "https://www.python.org/", "https://news.mt.gov/"])
def test_a_us_site_that_is_no_single_large_city_owns_nothing(gaz, url):
    assert page_owner(url, gaz) is None


def test_a_page_that_leaves_its_own_government_unsaid_still_gives_the_pair(nlp):
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    ja = _cjk_pipelines(nlp)["ja"]
    text = "本事業は、令和6年10月に新北市淡水区と締結した友好交流覚書(MOU)を記念し、市民が台湾交流に取り組む機会とした。"

    def candidates(url):
        doc = ja(_make_doc(ja, DocumentInput(key="k", text=text, lang="ja", url=url))[0])
        return {(c.mentions[0].a.name, c.mentions[0].b.name): c.features["owner_unsaid"] for c in doc._.candidates}

    # The scorer sees that the owner was unsaid and weighs the pair apart.
    assert candidates("https://www.city.omitama.lg.jp/0034/info-0000012225-0.html") == {("Tamsui", "Omitama"): 1.0}
    # Without an owner there is no one to pair with.
    assert candidates("https://news.example.com/omitama") == {}


@pytest.mark.parametrize("text, lang, url, pair", [
    # Japanese and Chinese leave out the subject the reader knows: the page's owner signed
    ("平成27年4月、台湾桃園市と「友好交流に関する覚書」を締結しました。", "ja",
     "https://www.city.shizuoka.lg.jp/000_1.html", ("Taoyuan", "Shizuoka")),
    ("台湾・台南市 友好都市 2019年3月28日締結", "ja", "https://www.city.shizuoka.lg.jp/000_2.html",
     ("Tainan", "Shizuoka")),
])
def test_a_signing_whose_subject_is_left_out_is_the_page_owners(nlp, text, lang, url, pair):
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    pipeline = _cjk_pipelines(nlp)[lang]
    doc = pipeline(_make_doc(pipeline, DocumentInput(key="k", text=text, lang=lang, url=url))[0])
    assert {(c.mentions[0].a.name, c.mentions[0].b.name) for c in doc._.candidates if c.selected} == {pair}


def test_an_english_row_headed_by_the_partner_is_the_page_owners_tie(nlp):
    text = "Taichung City, Republic of China (Taiwan) - Friendship City Agreement signed May 2015."
    found = run(nlp, text, url="https://www.fresno.gov/sister-cities/")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Taichung", "Fresno", "2015-05")}


def test_an_english_sentence_with_a_subject_of_its_own_leaves_no_owner_unsaid(nlp):
    from extractors.pipeline import _make_doc
    from models.records import DocumentInput

    text = ("Sun Moon Lake and Lake Hamanako in Hamamatsu City, Shizuoka Prefecture of Japan has entered into an "
            "amicable agreement at the Fleur de Chine hotel on August 28.")
    doc = nlp(_make_doc(nlp, DocumentInput(key="k", text=text, url="https://www.nantou.gov.tw/english/news.aspx"))[0])
    assert not any(c.selected for c in doc._.candidates)


def test_a_body_named_in_a_country_is_no_town(nlp):
    text = ("According to Friends of Lee Teng-Hui Association in Japan, the first Japan-Taiwan friendship "
            "agreement was inked in 1979 between Omamachi and Huwei.")
    assert all("Association" not in m.b.name and "Association" not in m.a.name for m in run(nlp, text))


def test_a_page_off_any_government_site_names_itself_in_its_title(nlp):
    text = "本村は、令和元年10月15日に台湾屏東県恒春鎮と友好交流協定を締結しました。"
    found = run(nlp, text, published=dt.date(2024, 1, 10), lang="ja", title="読谷村と恒春鎮の交流について")
    assert {(m.a.name, m.b.name) for m in found} == {("Hengchun", "Yomitan")}
    assert [m.date.iso() for m in found] == ["2019-10-15"]


def test_a_story_that_names_the_title_s_city_is_not_that_city_s_own_page():
    from extractors.chinese import build_chinese_pipeline

    zh = build_chinese_pipeline(str(load_settings().cache_dir))

    def owner(text: str, title: str):
        doc = zh.make_doc(text)
        doc._.title = title
        found = zh(doc)._.page_owner
        return found.name if found else None

    # 本市 here is the speaker's Kaohsiung: the story names Kumamoto itself.
    assert owner("陳其邁表示，本市與熊本市締結友好交流協定後，將推動觀光交流。", "熊本市與高雄締結友好交流協定") is None
    assert owner("本市は台湾の高雄市と友好交流協定を締結しました。", "熊本市の国際交流") == "Kumamoto"
    # Two cities in the title: no telling which page this is.
    assert owner("本市は交流協定を締結しました。", "熊本市と八代市の国際交流") is None
    # A title that calls the page its government's list of ties.
    assert owner("台南市 台湾 2006年4月12日", "仙台市の姉妹・友好都市") == "Sendai"
    assert owner("台南市 台湾 2006年4月12日", "仙台市のニュース") is None
    # The site's own name closing the title.
    assert owner("平成24年10月\u3000友好交流協定を締結", "台中市との交流の歩み｜浜松市") == "Hamamatsu"


def test_a_city_site_closing_its_title_owns_a_page_in_english(nlp, gaz):
    from extractors.page_owner import latin_title_owner

    owner = latin_title_owner("Sister Cities | Murray City, UT", gaz)
    assert (owner.name, owner.admin1) == ("Murray", "Utah")
    assert latin_title_owner("Taipei and Prague sign sister city pact - Taipei Times", gaz) is None
    assert latin_title_owner("Sister Cities | City of Overland Park, KS", gaz).name == "Overland Park"
    text = ("Our sister city relationship with Chiayi City, Taiwan began in 1989, when Mayor Lynn Pett led a "
            "delegation to Taiwan.")
    found = run(nlp, text, title="Sister Cities | Murray City, UT")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Chiayi City", "Murray", "1989")}


def test_an_english_page_names_its_own_city_where_the_model_misses_it(nlp):
    text = ("Bellingham has five sister cities: Tateyama, Japan (1958); Nakhodka, Russia (1991); Port Stephens, "
            "Australia (2001); Cheongju, South Korea (2008); and Hualien County, Taiwan (2015).")
    found = run(nlp, text, title="Sister Cities | Bellingham, WA")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found if m.a.country == "TW"} == {
        ("Hualien", "Bellingham", "2015")}


def test_partners_each_after_their_own_with_are_the_unnamed_subjects(nlp):
    # Written here: the subject is the city the sentence before names, not
    # either partner; each partner takes the year of its own clause.
    text = ("The City of Rancho Cucamonga maintains two sister city relationships. Sister city ties were "
            "formed with Sonora, Mexico in 1990 and with Nantou County, Taiwan in 2004.")
    found = {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert ("Nantou", "Rancho Cucamonga", "2004") in found
    assert not any("Nantou" in pair and "Sonora" in pair for pair in found)


def test_a_partner_page_row_gives_the_country_and_the_county_before_the_city(nlp):
    text = ("姉妹都市・友好都市\n"
            "中国 威海市 1992年10月締結\n"
            "台湾 屏東県屏東市 2019年11月締結\n")
    found = run(nlp, text, lang="ja", title="姉妹都市・友好都市 - 宇部市")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found if m.a.country == "TW"} == {
        ("Pingtung City", "Ube", "2019-11")}


def test_rows_with_an_em_dash_and_a_year_are_rows_not_datelines(nlp):
    text = ("Lubbock Sister Cities\n"
            "Lubbock's sister city relationships\n"
            "Musashino, Japan — established 1983\n"
            "Taichung City, Taiwan — established 2014\n")
    found = run(nlp, text, title="Sister Cities | Lubbock, TX")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found if m.a.country == "TW"} == {
        ("Taichung", "Lubbock", "2014")}


@pytest.mark.parametrize("title, owner", [
    ("姉妹都市・友好都市 - 松山市", "Matsuyama"),
    ("姉妹都市・友好都市 - 八王子市ホームページ", "Hachiōji"),  # the site's name, not a facility's
    ("姉妹都市・友好都市 - 松江市", "Matsue"),  # a Japanese page's city is Japanese first (not Songjiang)
])
def test_a_japanese_list_pages_row_pairs_the_taiwanese_city_with_the_owner_in_the_title(nlp, title, owner):
    from extractors.pipeline import collapse, extract
    from models.records import DocumentInput

    text = ("姉妹都市・友好都市\n本市は、次の都市と姉妹都市・友好都市提携を結んでいます。\n"
            "台湾 台北市 友好交流都市 平成26年10月14日")
    [result] = extract(nlp, [DocumentInput(key="t", text=text, lang="ja", title=title)])
    assert {(m.a.name, m.b.name, m.date.iso()) for m in collapse(result.mentions)} == {("Taipei", owner, "2014-10-14")}


@pytest.mark.parametrize("outlet, owner", [
    ("City of Cupertino (City Council staff report, Laserfiche records)", "Cupertino"),
    ("Kaohsiung City Government", "Kaohsiung"),
    ("Taipei Times", None),  # a newspaper named after a city is no government
])
def test_a_publisher_that_is_a_local_government_owns_its_pages(nlp, outlet, owner):
    from extractors.page_owner import outlet_owner
    from extractors.gazetteer.index import load_gazetteer
    from models.settings import load_settings

    found = outlet_owner(outlet, load_gazetteer(load_settings().cache_dir))
    assert (found.name if found else None) == owner
