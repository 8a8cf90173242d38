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
from conftest import run, ties as _ties


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


@pytest.mark.parametrize("text", [
    "經濟部長今天與美國德州州長簽署經貿合作備忘錄，高雄市長陳其邁也出席見證。",
    "Minister of Economic Affairs Kuo Jyh-huei and Texas Governor Greg Abbott signed a memorandum of understanding "
    "on trade on Monday, with Kaohsiung Mayor Chen Chi-mai in attendance.",
])
def test_a_city_watching_a_national_office_sign_is_no_party(nlp, text):
    assert run(nlp, text, lang="zh" if "市" in text else "en") == []


def test_a_city_signing_while_a_minister_watches_is_still_the_party(nlp):
    found = run(nlp, "高雄市長陳其邁今天與美國德州州長簽署經貿合作備忘錄，經濟部長郭智輝也出席見證。", lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Kaohsiung", "Texas")}


def test_a_states_name_alone_is_the_state_not_the_city_named_after_it(nlp):
    text = ("Gov. Kevin Stitt on Wednesday welcomed a delegation from Tainan, Taiwan, to the State Capitol, where the "
            "two governments renewed the sister relationship Oklahoma and Tainan first formed in 1983.")
    assert {(m.b.name, m.b.level.value, m.event.value) for m in run(nlp, text)} == {
        ("Oklahoma", "state", "renewed"), ("Oklahoma", "state", "established")}


@pytest.mark.parametrize("text, lang", [
    ("Hualien County's Ruisui Township signed a friendship agreement with Kamifurano, Hokkaido, in 2012, but the "
     "town ended the agreement on November 30 after exchanges stalled.", "en"),
    ("花蓮縣瑞穗鄉與北海道上富良野町於2012年締結友好城市，但因交流停滯，上富良野町已於11月30日終止協定。", "zh"),
])
def test_a_but_clause_ending_the_tie_is_a_second_record(nlp, text, lang):
    got = {(e, d) for _, _, _, e, d in _ties(run(nlp, text, lang=lang, published=dt.date(2020, 12, 1)))}
    assert got == {("established", "2012"), ("terminated", "2020-11-30")}


def test_on_its_own_page_a_japanese_town_ends_a_tie_it_made_years_before(nlp):
    text = "台湾の花蓮県瑞穂郷とは平成24年に友好都市協定を締結しましたが、令和2年11月30日をもって協定を解消しました。"
    got = {(e, d) for _, _, _, e, d in _ties(run(nlp, text, lang="ja", outlet="北海道上富良野町",
                                                 published=dt.date(2020, 12, 1)))}
    assert got == {("established", "2012"), ("terminated", "2020-11-30")}


@pytest.mark.parametrize("text, events", [
    ("Taichung Mayor Lu Shiow-yen on Tuesday hosted a delegation from Japan's Kumamoto Prefecture, as the two sides "
     "marked the 10th anniversary of their friendship agreement.", {("renewed", "2024-03-19"), ("established", "2014")}),
    ("The Honolulu City Council on Wednesday approved a resolution recognizing 50 years of sister city ties with "
     "Kaohsiung, which were first established in 1971.", {("renewed", "2024-03-20"), ("established", "1971")}),
])
def test_an_anniversary_of_the_agreement_renews_it_and_dates_its_founding_year(nlp, text, events):
    assert {(e, d) for _, _, _, e, d in _ties(run(nlp, text))} == events


@pytest.mark.parametrize("text, event", [
    ("Kaohsiung Deputy Mayor Lin led a delegation to Pohang, South Korea, where he met Pohang Mayor Lee Kang-deok to "
     "discuss the possibility of the two port cities establishing a friendship city relationship.", "proposed"),
    ("Last week, the Chiayi County Council approved a sister county agreement with Hidalgo County, Texas. The "
     "agreement still needs to be signed by the two leaders.", "proposed"),
])
def test_a_tie_still_to_be_made_is_a_proposal(nlp, text, event):
    assert {e for _, _, _, e, _ in _ties(run(nlp, text))} == {event}


def test_a_japanese_city_working_towards_a_tie_proposes_it(nlp):
    text = "島田市は、台湾・嘉義市との姉妹都市提携に向けた協議を進めています。来年度中の締結を目指しています。"
    assert {(a, b, rel, e) for a, b, rel, e, _ in _ties(run(nlp, text, lang="ja", outlet="静岡県島田市"))} == {
        ("Chiayi City", "Shimada", "sister", "proposed")}


def test_a_sister_alliance_agreement_is_a_sister_tie(nlp):
    [tie] = run(nlp, "屏東縣政府今天與帛琉卡揚埃爾州簽署姊妹締盟協定。", lang="zh")
    assert (tie.b.name, tie.relation.value) == ("Kayangel", "sister")


@pytest.mark.parametrize("name, country", [("the Bratislava Self-Governing Region", "SK"),
                                           ("the Pomeranian Voivodeship", "PL")])
def test_a_region_the_model_takes_for_a_person_or_a_body_is_a_place(nlp, name, country):
    found = run(nlp, f"Taoyuan City and {name} signed a memorandum of understanding on Wednesday.")
    assert {m.b.country for m in found} == {country}


def test_rows_with_a_column_for_the_kind_pair_with_the_heading_owner(nlp):
    text = ("新竹縣國際姊妹市及友好城市\n編號 國家 城市 締結日期 類別\n"
            "1 美國 加州聖塔克拉拉郡 1984年5月17日 姊妹市\n2 日本 岡山縣 2018年3月22日 友好交流")
    got = {(a, b, rel, d) for a, b, rel, _, d in _ties(run(nlp, text, lang="zh"))}
    # (a kind column's '友好交流' is the friendship tie, not a manner of exchanges)
    assert got == {("Hsinchu County", "Santa Clara County", "sister", "1984-05-17"),
                   ("Hsinchu County", "Okayama", "friendship", "2018-03-22")}


def test_a_dated_row_with_its_kind_is_no_dateline_and_no_row_heads_another(nlp):
    text = ("Honolulu's sister cities\nKaohsiung, Taiwan — 1962 — Sister City\n"
            "Hiroshima, Japan — 1959 — Sister City\nTaipei, Taiwan — 2005 — Friendship City")
    got = {(a, b, rel, d) for a, b, rel, _, d in _ties(run(nlp, text, url="https://www.honolulu.gov/sistercities"))}
    assert got == {("Kaohsiung", "Honolulu", "sister", "1962"), ("Taipei", "Honolulu", "friendship", "2005")}


def test_not_ruling_out_a_signing_proposes_it(nlp):
    text = "台北市長柯文哲昨日接見立陶宛首都維爾紐斯副市長一行，並表示未來不排除簽署合作備忘錄。"
    assert {(b, e) for _, b, _, e, _ in _ties(run(nlp, text, lang="zh"))} == {("Vilnius", "proposed")}


def test_partners_listed_after_including_pair_with_the_subject_and_not_the_meetings_day(nlp):
    text = ("新北市長侯友宜今天接見東京都議會議員訪問團，侯友宜表示，新北市與日本多個城市締結友好關係，"
            "包括神奈川縣、千葉縣及茨城縣等。")
    # ('日本多個城市' is no unknown city of Japan)
    assert _ties(run(nlp, text, lang="zh")) == {("New Taipei", p, "friendship", "established", None)
                                               for p in ("Kanagawa", "Chiba", "Ibaraki")}


def test_a_place_in_an_aside_whose_own_aside_holds_the_tie_is_no_partner(nlp):
    text = ("Tainan Mayor Huang Wei-che attended the Sendai Tanabata festival, where he also met officials from "
            "Morioka, whose city has a friendship agreement with Hualien.")
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text))} == {("Hualien", "Morioka")}


def test_pairs_given_as_examples_of_the_ties_just_named_are_ties(nlp):
    text = ("台湾と日本の自治体間の姉妹都市や友好都市の提携は100件を超える。"
            "青森県と台中市、熊本市と高雄市、石川県と台南市などが代表例だ。")
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text, lang="ja"))} == {
        ("Taichung", "Aomori"), ("Kaohsiung", "Kumamoto"), ("Tainan", "Ishikawa")}


def test_a_tie_raised_to_sister_cities_is_renewed(nlp):
    text = ("成田市は、平成28年9月16日に台湾・桃園市と友好都市協定を締結しました。"
            "また、平成30年10月には、桃園市の要請を受け、姉妹都市へと関係を格上げしました。")
    got = {(rel, e, d) for _, _, rel, e, d in _ties(run(nlp, text, lang="ja", outlet="千葉県成田市"))}
    assert got == {("friendship", "established", "2016-09-16"), ("sister", "renewed", "2018-10")}


def test_one_subject_dropping_one_partner_and_signing_with_another(nlp):
    text = ("When Prague dropped Beijing as a sister city in 2019 and signed with Taipei the next year, it set off "
            "a chain reaction.")
    got = {(a, b, e) for a, b, _, e, _ in _ties(run(nlp, text, published=dt.date(2020, 8, 20)))}
    assert got == {("Prague", "Beijing", "terminated"), ("Taipei", "Prague", "established")}


def test_the_next_year_follows_the_year_told_not_the_publication(nlp):
    [found] = [d for d in find_dates("It signed in 2019 and renewed the next year.", dt.date(2024, 5, 1))
               if d.date.value.year != 2019]
    assert found.date.iso() == "2020"


def test_a_signing_that_strengthens_an_older_tie_states_both(nlp):
    text = ("Quezon City Mayor Joy Belmonte and Taipei Mayor Ko Wen-je on Tuesday signed a memorandum of "
            "understanding on smart city development, further strengthening the sister city ties the two cities "
            "established in 1996.")
    got = {(rel, e, d) for _, _, rel, e, d in _ties(run(nlp, text))}
    assert got == {("mou", "established", "2024-03-19"), ("sister", "established", "1996")}


def test_a_governments_own_list_of_ties_pairs_each_with_it_and_none_with_each_other(nlp):
    text = ("本府目前共有28個姊妹市及友好城市。其中姊妹市包括美國聖塔安那市（1979年）、加拿大溫尼伯市（1982年）；"
            "友好城市包括日本熊本縣（2017年）、日本青森縣（2023年）等。")
    got = _ties(run(nlp, text, lang="zh", url="https://www.taichung.gov.tw/1"))
    assert {(a, b, rel, d) for a, b, rel, _, d in got} == {
        ("Taichung", "Santa Ana", "sister", "1979"), ("Taichung", "Winnipeg", "sister", "1982"),
        ("Taichung", "Kumamoto", "friendship", "2017"), ("Taichung", "Aomori", "friendship", "2023")}


@pytest.mark.parametrize("text, events", [
    ("Hsinchu City and Cupertino have been sister cities for 25 years.", {("established", "1999")}),
    ("Chiayi County's partnership with Brazos County, Texas, was formalized in 2019 and renewed last week.",
     {("established", "2019"), ("renewed", "2024-03")}),
    ("Yunlin County officials said talks with Japan's Kurume on a friendship agreement had stalled.",
     {("proposed", None)}),
    ("The Fremont City Council approved a sister city agreement with Hsinchu County, Taiwan, on the 16th day of "
     "May, 2023.", {("proposed", "2023-05-16")}),
])
def test_how_long_when_and_whether_yet(nlp, text, events):
    assert {(e, d) for _, _, _, e, d in _ties(run(nlp, text))} == events


@pytest.mark.parametrize("text, lang, event", [
    ("雲林縣與日本久留米市洽談締結友好城市事宜，但因疫情暫停。", "zh", "proposed"),
    ("群馬県は来月、台湾の南投県と友好交流協定を締結する。", "ja", "proposed"),
    ("高雄市と熊本市の友好交流協定は2019年に期限を迎え、更新されなかった。", "ja", "terminated"),
    ("The friendship agreement between Kaohsiung and Kumamoto expired in 2019 and was not renewed.", "en", "terminated"),
])
def test_talks_a_plain_future_and_an_agreement_left_to_lapse(nlp, text, lang, event):
    assert {e for _, _, _, e, _ in _ties(run(nlp, text, lang=lang))} == {event}


def test_an_agreement_concluded_hereby_is_no_plan():
    from extractors.lexicon import event_of
    assert event_of("相互理解と友好互恵を増進するため、協定をここに締結する。")[0].value == "established"


def test_a_date_in_a_concessive_clause_dates_no_tie(nlp):
    text = ("The Texas House passed a resolution honoring the 30th anniversary of the sister-state relationship "
            "between Texas and Taiwan Province, though the provincial government was largely dissolved in 1998.")
    got = {(e, d) for _, _, _, e, d in _ties(run(nlp, text, published=dt.date(2021, 11, 19)))}
    assert got == {("renewed", "2021"), ("established", "1991")}


@pytest.mark.parametrize("written, admin1, country", [
    ("Columbus, Ga.", "Georgia", "US"), ("Springfield, Ill.", "Illinois", "US"), ("Richmond, B.C.", "British Columbia", "CA"),
    ("Irvine, CA", "California", "US"),
])
def test_a_state_or_province_abbreviated_after_a_name_places_it(nlp, written, admin1, country):
    found = run(nlp, f"Tainan signed a sister city agreement with {written} on Monday.")
    assert {(m.b.admin1, m.b.country) for m in found} == {(admin1, country)}


@pytest.mark.parametrize("text", [
    "Richmond City Council in British Columbia has approved a friendship agreement with Taoyuan, Taiwan.",
    "The council of Richmond, British Columbia, has approved a friendship agreement with Taoyuan, Taiwan.",
])
def test_a_council_approving_a_tie_stands_for_its_city_not_its_province(nlp, text):
    assert {(m.b.name, m.b.country, m.event.value) for m in run(nlp, text)} == {("Richmond", "CA", "proposed")}


def test_a_local_storys_city_council_is_the_datelines_city(nlp):
    text = ("PORTLAND, Maine — The City Council voted Monday to establish a sister city relationship with "
            "Kaohsiung, Taiwan, the city's fourth such partnership.")
    assert {(m.a.name, m.b.name, m.b.admin1) for m in run(nlp, text)} == {("Kaohsiung", "Portland", "Maine")}


@pytest.mark.parametrize("written, name, admin1", [
    ("美國緬因州波特蘭市", "Portland", "Maine"), ("美國喬治亞州哥倫布市", "Columbus", "Georgia"),
    ("加拿大卑詩省列治文市", "Richmond", "British Columbia"), ("菲律賓納卯市", "Davao", "Davao"),
])
def test_a_chinese_name_is_the_namesake_in_the_division_written_before_it(nlp, written, name, admin1):
    found = run(nlp, f"台南市與{written}簽署姊妹市協定。", lang="zh")
    assert {(m.b.name, m.b.admin1) for m in found} == {(name, admin1)}


def test_a_taiwanese_direction_district_inside_a_foreign_name_is_none(nlp):
    found = run(nlp, "台南市與韓國首爾市江南區簽署友好交流協定。", lang="zh")
    assert all(m.a.name != "South District" and m.b.name != "South District" for m in found)


def test_a_taiwanese_district_is_the_one_of_the_city_written_before_it(nlp):
    [tie] = run(nlp, "台南市東區與日本大阪府堺市簽署友好交流協定。", lang="zh")
    assert (tie.a.name, tie.a.admin1) == ("East District", "Tainan")


def test_a_town_of_the_prefecture_written_before_is_no_namesake_elsewhere(nlp):
    [tie] = run(nlp, "屏東縣內埔鄉與日本鹿兒島縣大和村簽署友好交流協定。", lang="zh")
    assert (tie.b.name, tie.b.admin1) == ("Yamato", "Kagoshima")


@pytest.mark.parametrize("text, city", [
    ("Tainan East District signed a friendship agreement with Sakai, Osaka, on Monday.", "Tainan"),
    ("Hsinchu City East District and Yokosuka signed a friendship agreement on Monday.", "Hsinchu City"),
])
def test_an_english_district_name_is_the_one_of_the_city_named_with_it(nlp, text, city):
    assert {(m.a.name, m.a.admin1) for m in run(nlp, text)} == {("East District", city)}


def test_a_letter_of_intent_to_explore_a_friendship_is_the_letter_signed(nlp):
    text = ("Tainan Mayor Huang Wei-cher on Friday signed a letter of intent with the mayor of Nagoya to explore a "
            "friendship city relationship, which could be formalized next year.")
    assert {(b, rel, e) for _, b, rel, e, _ in _ties(run(nlp, text))} == {("Nagoya", "mou", "established")}


def test_two_taiwanese_cities_that_each_signed_are_no_pair(nlp):
    text = ("Taipei and Kaohsiung have each signed smart city agreements with Singapore's government agencies, but "
            "neither has a sister city tie with Singapore.")
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, relation, event", [
    ("台南市长黄伟哲今天与美国肯塔基州列克星敦市长签订合作协议。", "cooperation", "established"),
    ("高雄市与韩国釜山市续签合作备忘录。", "mou", "renewed"),
])
def test_simplified_characters_meet_the_cues_written_in_traditional(nlp, text, relation, event):
    assert {(rel, e) for _, _, rel, e, _ in _ties(run(nlp, text, lang="zh"))} == {(relation, event)}


def test_an_aside_whose_city_signed_with_the_county_states_the_tie(nlp):
    text = ("Hsinchu County Magistrate Yang Wen-ke yesterday welcomed Fremont Mayor Raj Salwan, whose city signed a "
            "sister city agreement with the county in August.")
    assert {(a, b, rel) for a, b, rel, _, _ in _ties(run(nlp, text))} == {("Hsinchu County", "Fremont", "sister")}


@pytest.mark.parametrize("outlet, name, admin1", [
    ("Sister Cities of Manchester NH", "Manchester", "New Hampshire"), ("Phoenix Sister Cities", "Phoenix", "Arizona"),
    ("Sister Cities International", None, None),
])
def test_a_citys_own_sister_city_programme_publishes_for_it(gaz, outlet, name, admin1):
    owner = outlet_owner(outlet, gaz)
    assert (owner.name if owner else None, owner.admin1 if owner else None) == (name, admin1)


def test_on_its_own_page_a_city_is_itself_and_its_other_partner_is_not_taiwans(nlp):
    text = "Manchester has had a sister city relationship with Taichung, Taiwan since 1989, and with Neuss, Germany since 2001."
    found = run(nlp, text, outlet="Sister Cities of Manchester NH")
    assert {(m.a.name, m.b.name, m.b.country) for m in found if "TW" in (m.a.country, m.b.country)} == {
        ("Taichung", "Manchester", "US")}


@pytest.mark.parametrize("text", [
    "The two cities revived their dormant sister city relationship on Monday.",
    "Bellevue reactivated its sister city tie with Hualien.",
    "两市重启友好城市关系",
    "姉妹都市提携を再開した",
])
def test_a_tie_revived_is_renewed(text):
    from extractors.lexicon import event_of
    assert event_of(text)[0].value == "renewed"


@pytest.mark.parametrize("text, lang", [
    ("Local diplomacy has flourished: Taoyuan and Chiba Prefecture signed a friendship pact in 2016, Hsinchu County "
     "and Okayama followed in 2018, and Pingtung and Okinawa's Ishigaki inked an MOU last year.", "en"),
    ("例如桃園市與千葉縣於2016年簽署友好交流協定、新竹縣與岡山縣於2018年簽署友好交流協定，屏東縣則於去年與石垣市簽署備忘錄。", "zh"),
])
def test_parallel_clauses_each_keep_their_own_pair_kind_and_year(nlp, text, lang):
    got = {(a, b, rel, d) for a, b, rel, _, d in _ties(run(nlp, text, lang=lang, published=dt.date(2023, 1, 9)))}
    assert got == {("Taoyuan", "Chiba", "friendship", "2016"), ("Hsinchu County", "Okayama", "friendship", "2018"),
                   ("Pingtung", "Ishigaki", "mou", "2022")}


def test_pairs_listed_before_all_of_which_share_its_tie(nlp):
    text = ("Examples include Taichung and Aomori, Kaohsiung and Kumamoto, and Tainan and Sendai, all of which have "
            "exchanged delegations regularly since signing friendship agreements.")
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text))} == {("Taichung", "Aomori"), ("Kaohsiung", "Kumamoto"),
                                                              ("Tainan", "Sendai")}


@pytest.mark.parametrize("url, name, admin1", [
    ("https://bloomington.in.gov/news/2023/05/10/", "Bloomington", "Indiana"),
    ("https://www.ci.fremont.ca.us/", "Fremont", "California"),
    ("https://www.ca.gov/", None, None),
])
def test_a_us_citys_site_under_its_states_domain_is_its_owner(gaz, url, name, admin1):
    owner = page_owner(url, gaz)
    assert (owner.name if owner else None, owner.admin1 if owner else None) == (name, admin1)


def test_renewals_of_other_years_are_records_of_their_own(nlp):
    text = ("The relationship between Phoenix and Taipei began when Mayor Margaret Hance and Mayor Lee Teng-hui signed "
            "the sister city agreement on June 9, 1979. Since then, the cities have exchanged more than 200 students. "
            "In 2004, the two cities marked the 25th anniversary with a delegation visit to Taipei. In 2019, Phoenix "
            "Mayor Kate Gallego hosted Taipei Deputy Mayor Teng Chia-chi to celebrate 40 years of friendship.")
    assert {(e, d) for _, _, _, e, d in _ties(run(nlp, text))} == {
        ("established", "1979-06-09"), ("renewed", "2004"), ("renewed", "2019")}


def test_a_relative_asides_tie_is_its_antecedents_not_the_side_after_it(nlp):
    text = "Prague, which had been a sister city of Beijing since 2016, switched its partnership to Taipei in 2019."
    assert not any(("Taipei", "Beijing") == (m.a.name, m.b.name) for m in run(nlp, text))


def test_the_next_stop_of_a_trip_is_no_partner(nlp):
    text = ("Hsinchu City officials traveled to Cupertino, its sister city, and then to San Jose, where they met tech "
            "executives.")
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text))} == {("Hsinchu City", "Cupertino")}


@pytest.mark.parametrize("text, lang, pairs", [
    ("台中市長盧秀燕率團訪問姊妹市加拿大溫尼伯，隨後轉往多倫多參訪。", "zh", {("Taichung", "Winnipeg")}),
    ("大西市長は姉妹都市の高雄市を訪問し、その後、台南市も訪れた。", "ja", set()),  # Mayor Ōnishi, of a city unsaid
])
def test_a_trips_next_stop_and_a_mayors_surname_are_no_partners(nlp, text, lang, pairs):
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text, lang=lang))} == pairs


@pytest.mark.parametrize("text, lang", [
    ("臺灣屏東縣與日本國沖繩縣石垣市友好交流協定書\n臺灣屏東縣與日本國沖繩縣石垣市為促進雙方友好關係，締結友好交流協定。\n"
     "一、雙方將在觀光、教育及文化等領域推動交流。\n中華民國一一二年五月十日\n屏東縣長 周春米\n石垣市長 中山義隆", "zh"),
    ("友好都市協定書\n日本国沖縄県石垣市と台湾屏東県は、両市県の友好関係を促進するため、ここに友好都市協定を締結する。\n"
     "一　両市県は、観光、教育、文化の分野において交流を推進する。\n令和5年5月10日\n石垣市長　中山義隆\n屏東県長　周春米", "ja"),
])
def test_a_chinese_or_japanese_agreement_is_dated_by_its_signature_block(nlp, text, lang):
    got = {(a, b, e, d) for a, b, _, e, d in _ties(run(nlp, text, lang=lang, published=None))}
    assert got == {("Pingtung", "Ishigaki", "established", "2023-05-10")}


@pytest.mark.parametrize("text, partner", [
    ("Hull has been twinned with Tainan since 2010, the council said.", "Hull"),
    ("Limerick City and County Council agreed to a friendship link with Hualien County in 2019.", "Limerick"),
])
def test_a_twinned_subject_and_a_councils_friendship_link(nlp, text, partner):
    assert {m.b.name for m in run(nlp, text)} == {partner}


def test_the_anniversary_of_a_sister_island_relationship_dates_its_founding(nlp):
    text = "Guam and Taiwan's Penghu County marked the 10th anniversary of their sister island relationship on Friday."
    assert {(e, d) for _, _, _, e, d in _ties(run(nlp, text, published=dt.date(2022, 8, 1)))} == {
        ("renewed", "2022-07-29"), ("established", "2012")}


def test_majuro_atoll_the_model_took_for_a_person_is_majuro(nlp):
    assert {m.b.name for m in run(nlp, "Tainan signed a sister city agreement with Majuro Atoll.")} == {"Majuro"}


def test_pairs_two_sentences_after_a_tie_with_none_named_between_are_no_examples(nlp):
    text = "台湾と日本の自治体は姉妹都市提携を結んでいる。交流は盛んだ。青森県と台中市、熊本市と高雄市などが代表例だ。"
    assert run(nlp, text, lang="ja") == []  # (and reading it raises nothing)


def test_a_japanese_compound_name_is_written_as_one_word_and_a_concluded_exchange_is_a_friendship(nlp):
    from extractors.gazetteer.names import english_name
    [tie] = run(nlp, "屏東縣恆春鎮與日本北海道上富良野町締結友好交流。", lang="zh")
    assert (english_name(tie.b.name, tie.b.country), tie.relation.value) == ("Kamifurano", "friendship")


def test_a_japanese_compound_written_as_one_word_is_found(gaz):
    assert [p.name for p in gaz.world.lookup("Kamifurano", "JP")][:1] == ["Kamifurano"]


@pytest.mark.parametrize("text, partner", [
    ("Luodong Township and Niikappu Town in Hokkaido signed a friendship agreement in 2024.", "Niikappu"),
    ("Yilan County and Nakanojo Town in Gunma signed a friendship agreement.", "Nakanojō"),
])
def test_a_town_named_with_its_unit_word_is_a_party_not_its_prefecture(nlp, text, partner):
    assert {m.b.name for m in run(nlp, text)} == {partner}


def test_a_head_signing_with_another_pairs_their_governments_not_the_host_of_the_summit(nlp):
    text = "新北市長侯友宜今天出席台日交流高峰會，會中日本岐阜縣知事與台中市長盧秀燕簽署友好交流協定。"
    assert {(a, b) for a, b, *_ in _ties(run(nlp, text, lang="zh"))} == {("Taichung", "Gifu")}


def test_two_tourism_bureaus_are_no_governments(nlp):
    assert run(nlp, "高雄市觀光局今天與日本大阪觀光局簽署觀光合作備忘錄。", lang="zh") == []
