"""Shapes of pages and stories met after the labelled corpus, each on a text
written here: lists announced without a colon, rows of a Japanese city's
page, one council's two decisions, denied signings, errands that are not
plans, the agreement a renewal renews."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.lexicon import event_of
from models.records import Event
from conftest import run, ties as _ties


def test_a_sentence_announcing_its_list_heads_the_rows_under_it_without_a_colon(nlp):
    text = ("Sister Cities Program\n"
            "The City of Bellevue maintains sister city relationships with four cities around the world.\n"
            "Hualien, Taiwan — established 1984\n"
            "Yao, Japan — established 1969\n"
            "Kaohsiung County, Taiwan — 1999 (inactive)\n"
            "Contact the City Manager's Office for information about visits.")
    got = {(a, b, date) for a, b, _, _, date in _ties(run(nlp, text))}
    # ('Kaohsiung County, Taiwan — 1999 (inactive)' is a dated row, not where a story was filed)
    assert got == {("Hualien", "Bellevue", "1984"), ("Kaohsiung", "Bellevue", "1999")}


def test_rows_of_a_japanese_citys_page_pair_with_the_owner_its_title_names(nlp):
    text = ("国際交流\n姉妹都市・友好都市\n本市は、次の都市と姉妹都市・友好都市の提携をしています。\n"
            "台湾 花蓮県玉里鎮（友好都市） 平成28年4月12日提携\n"
            "アメリカ合衆国 ミシガン州ランシング市（姉妹都市） 昭和45年5月1日提携")
    found = run(nlp, text, lang="ja", title="姉妹都市・友好都市 - 大洲市ホームページ")
    # each line is a row of its own: the Taiwanese row keeps its own kind and date
    assert _ties(found) == {("Yuli", "Ōzu", "friendship", "established", "2016-04-12")}


@pytest.mark.parametrize("text, event", [
    ("台湾 花蓮県玉里鎮 平成28年4月12日提携", Event.ESTABLISHED),
    ("来年4月1日提携予定", Event.PROPOSED),
])
def test_a_date_then_teikei_states_a_tie_made(text, event):
    assert event_of(text) == (event, True)


def test_one_councils_vote_on_two_partners_gives_each_its_own_decision(nlp):
    text = ("The Gilroy City Council voted 6-1 on Monday to end its sister city relationship with Ningbo, China, "
            "and to pursue a new relationship with Taitung County, Taiwan. Council member Jane Doe said the "
            "relationship with Ningbo had been inactive for a decade.")
    got = {(a, b, event) for a, b, _, event, _ in _ties(run(nlp, text))}
    # ('Taiwan. Council member' names no council of Taitung County: the name's own sentence ends first)
    assert got == {("Gilroy", "Ningbo", "terminated"), ("Taitung", "Gilroy", "proposed")}


def test_a_signing_its_own_clause_denies_leaves_the_wish_a_proposal(nlp):
    text = ("The mayor of Tainan met the consul general of Japan on Tuesday. No agreement was signed, but both "
            "sides said they hoped the city could one day form a sister relationship with Kanazawa.")
    assert {(a, b, event) for a, b, _, event, _ in _ties(run(nlp, text))} == {("Tainan", "Kanazawa", "proposed")}
    assert event_of("No sister city agreement has been signed yet, but both hope to form one.")[0] is Event.PROPOSED


def test_a_planned_visit_to_a_sister_city_plans_no_tie(nlp):
    text = ("Citing the outbreak, the city of Lowell postponed a planned visit to its sister city of Yunlin, "
            "Taiwan, officials said. The two communities signed a friendship pact in 2008.")
    got = {(rel, event, date) for _, _, rel, event, date in _ties(run(nlp, text))}
    assert got == {("sister", "established", None), ("friendship", "established", "2008")}


@pytest.mark.parametrize("text, lang", [
    ("石川県加賀市と台湾の新竹県は、2016年に締結した友好交流協定を更新した。", "ja"),
    ("新竹縣與日本加賀市今天續簽2016年簽訂的友好交流協定。", "zh"),
    ("Hsinchu County and Kaga renewed the friendship agreement signed in 2016 on Monday.", "en"),
])
def test_the_date_of_the_agreement_a_renewal_renews_is_its_founding(nlp, text, lang):
    found = _ties(run(nlp, text, published=dt.date(2022, 12, 15), lang=lang))
    assert ("Hsinchu County", "Kaga", "friendship", "established", "2016") in found
    [(renewed_date)] = [date for *_, event, date in found if event == "renewed"]
    assert renewed_date != "2016"


def test_a_tie_come_of_age_is_an_anniversary_and_a_founding(nlp):
    text = "花蓮縣與日本沖繩縣宮古島市締結姊妹市屆滿15年，縣長今天與宮古島市長視訊，雙方同意延續友好關係。"
    found = _ties(run(nlp, text, published=dt.date(2021, 3, 30), lang="zh"))
    assert found == {("Hualien", "Miyakojima", "sister", "renewed", "2021-03-30"),
                     ("Hualien", "Miyakojima", "sister", "established", "2006")}


def test_a_count_of_sister_cities_after_a_country_is_no_place(nlp):
    text = "新北市與美國奧克拉荷馬州塔爾薩市今天簽署姊妹市協定，這是新北市第7個美國姊妹市。"
    found = run(nlp, text, published=dt.date(2023, 7, 12), lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("New Taipei", "Tulsa")}


def test_an_agreement_that_will_be_signed_is_proposed(nlp):
    text = ("The city of Temecula, California, on Tuesday approved a friendship city agreement with Taichung's "
            "Daya District. The agreement will be signed in August when a delegation from Daya visits Temecula.")
    assert {m.event for m in run(nlp, text)} == {Event.PROPOSED}


def test_a_tie_in_force_told_of_a_name_takes_no_date_from_the_visit(nlp):
    text = "岡山県倉敷市の市長は2日、姉妹都市提携を結んでいる台湾・高雄市を訪問し、観光交流について意見交換した。"
    found = run(nlp, text, published=dt.date(2024, 9, 3), lang="ja")
    assert {(m.a.name, m.b.name, m.date) for m in found} == {("Kaohsiung", "Kurashiki", None)}


def test_the_two_communities_on_a_citys_own_page_are_the_city_and_its_guest(nlp):
    text = ("ROCHESTER HILLS — Mayor Bryan Barnett on Friday welcomed a delegation from Taitung County, Taiwan. "
            "The visit comes a year after the two communities signed a memorandum of understanding on tourism.")
    found = run(nlp, text, published=dt.date(2023, 4, 18), outlet="City of Rochester Hills")
    assert {(m.a.name, m.b.name, m.relation.value) for m in found} == {("Taitung", "Rochester Hills", "mou")}


@pytest.mark.parametrize("written, name, country", [
    ("美國佛州坦帕市", "Tampa", "US"),  # the press's short names of US states
    ("美國亞利桑那州天普市", "Tempe", "US"),
    ("美國印第安納波里斯市", "Indianapolis", "US"),
    ("美國鹽湖郡", "Salt Lake County", "US"),
    ("立陶宛考納斯市", "Kaunas", "LT"),
    ("德國杜塞道夫市", "Düsseldorf", "DE"),
    ("宏都拉斯德古西加巴市", "Tegucigalpa", "HN"),
])
def test_taiwanese_spellings_of_partners_resolve(nlp, written, name, country):
    found = run(nlp, f"台北市今天與{written}簽署姊妹市協定。", lang="zh")
    assert {(m.b.name, m.b.country) for m in found} == {(name, country)}


def test_a_resolution_set_in_capitals_names_its_city_and_partner(nlp):
    text = ("RESOLUTION NO. 2020-04\n"
            "A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF ARCADIA, CALIFORNIA, APPROVING A FRIENDSHIP CITY "
            "RELATIONSHIP WITH TAOYUAN CITY, TAIWAN, AND A SISTER CITY RELATIONSHIP WITH NEWCASTLE, AUSTRALIA\n"
            "WHEREAS, the City of Arcadia values international exchange; and")
    from extractors.pipeline import extract
    from models.records import DocumentInput

    [result] = extract(nlp, [DocumentInput(key="t", text=text, published=dt.date(2020, 1, 15))])
    # the Taiwanese city in capitals is found, and 'the City of Arcadia' is the Arcadia in California
    # the heading placed, not one in the Australia named after it
    sides = {(m.a.name, m.a.country, m.b.name, m.b.country) for m in result.mentions}
    assert ("Taoyuan", "TW", "Arcadia", "US") in sides
    assert not any("Arcadia" in (a, b) and "AU" in (ac, bc) for a, ac, b, bc in sides)


def test_a_city_the_model_took_for_a_person_is_read_in_its_rows_country(nlp):
    text = ("Sister City Relationships of Kaohsiung City\n| Country | City | Date Established |\n"
            "| Korea | Busan | 2016.05.25 |\n| Philippines | Cebu | 2017.03.02 |")
    got = {(m.b.name, m.date.iso()) for m in run(nlp, text)}
    assert got == {("Busan", "2016-05-25"), ("Cebu City", "2017-03-02")}


def test_an_anniversary_dated_to_the_day_below_its_headline_takes_the_day(nlp):
    text = ("Taichung and Sacramento celebrate 30 years as sister cities\n"
            "Taichung Mayor Lu Shiow-yen held a video call with Sacramento Mayor Darrell Steinberg on March 7 to "
            "celebrate the 30th anniversary of the sister city relationship established in 1992.")
    got = {(m.event.value, m.date.iso()) for m in run(nlp, text, published=dt.date(2022, 3, 8))}
    assert got == {("renewed", "2022-03-07"), ("established", "1992")}


def test_a_city_publishing_its_own_list_owns_the_rows_that_leave_it_unsaid(nlp):
    text = "姉妹都市・友好都市\n・アメリカ合衆国 ミシガン州 アナーバー市（姉妹都市）\n・台湾 台南市（友好都市）平成25年9月30日締結"
    found = run(nlp, text, lang="ja", title="国際交流", outlet="日光市 (city.nikko.lg.jp)")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Tainan", "Nikkō", "2013-09-30")}


@pytest.mark.parametrize("text", [
    "静岡県は29日、台湾の台中市と「友好交流協定」を結ぶ方針を明らかにした。",
    "因應疫情，原訂於6月舉行的桃園市與美國加州聖貝納迪諾郡締盟活動延期。",
    "The signing ceremony for the sister city agreement was postponed because of the typhoon.",
])
def test_a_signing_planned_or_put_off_is_a_proposal(text):
    assert event_of(text) == (Event.PROPOSED, True)


def test_an_agreement_of_sister_schools_is_no_tie_of_their_cities():
    from extractors.lexicon import relations_in

    assert relations_in("新北市の同校において姉妹校提携の協定を締結します。") == []


def test_a_prefecture_and_a_city_of_its_name_in_two_clauses_are_two_parties(nlp):
    text = "熊本縣與高雄市於2013年簽署友好交流協定，台中市則與熊本市有姊妹市關係。"
    found = run(nlp, text, published=dt.date(2024, 2, 20), lang="zh")
    got = {(m.a.name, m.b.id, m.relation.value, m.date.iso() if m.date else None) for m in found}
    # each clause its own pair, kind and date: the city does not swallow the prefecture
    assert got == {("Kaohsiung", "iso:JP-43", "friendship", "2013"), ("Taichung", "gn:1858421", "sister", None)}


def test_a_hope_for_a_tie_in_chinese_is_a_proposal():
    assert event_of("未來盼與愛達荷州建立姊妹州縣關係") == (Event.PROPOSED, True)


def test_a_region_heading_above_a_row_is_no_part_of_the_rows_name(nlp):
    text = ("Sister Cities\nTaipei City has established sister city relations with 51 cities around the world.\n"
            "Asia\nSeoul, Korea (1968.03.23)\nManila, Philippines (1966.05.19)")
    got = {(m.b.name, m.date.iso()) for m in run(nlp, text)}
    assert got == {("Seoul", "1968-03-23"), ("Manila", "1966-05-19")}


def test_a_signing_to_come_with_an_adverb_is_a_proposal():
    assert event_of("Tainan and Columbus, Ohio, will formally sign the agreement in October.") == (
        Event.PROPOSED, True)


def test_the_city_in_reported_speech_is_the_city_named_before(nlp):
    text = ("Taichung will host the Asia-Pacific Cities Summit next year. Mayor-elect Lin Chia-lung said the city "
            "will also seek to establish sister-city relationships with more cities in Southeast Asia, including "
            "Ho Chi Minh City and Bangkok.")
    got = {(m.a.name, m.b.name, m.event.value) for m in run(nlp, text)}
    assert got == {("Taichung", "Ho Chi Minh City", "proposed"), ("Taichung", "Bangkok", "proposed")}


def test_city_councillors_voting_to_end_a_partnership_end_their_citys(nlp):
    text = "PRAGUE, Oct 7 (Reuters) - Prague city councillors voted on Monday to end a partnership agreement with Beijing."
    found = run(nlp, text, published=dt.date(2019, 10, 7))
    assert {(m.a.name, m.b.name, m.event.value) for m in found} == {("Prague", "Beijing", "terminated")}


def test_an_atolls_local_government_and_a_palau_state_by_its_governor_are_the_places(nlp):
    text = ("MAJURO — Marshall Islands' Jaluit Atoll Local Government and Taiwan's Chiayi County inked a sister "
            "relationship on Wednesday. Mayor Casten Nemra thanked Magistrate Chang Hua-kuan for the support.")
    # ('Magistrate Chang Hua-kuan' is a person, not Changhua written in parts)
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Chiayi County", "Jaluit Atoll")}
    text = ("KOROR, Palau — Ngardmau State Governor and Kaohsiung City's Cijin District chief signed a friendship "
            "agreement on Tuesday.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Qijin", "Ngardmau")}


def test_a_list_of_dated_partners_and_a_second_kind_of_tie_keep_their_own(nlp):
    text = ("Kaohsiung currently has 23 sister cities, including Portland (1988), Miami (1995) and Busan (1966), "
            "and 6 friendship cities, among them Kumamoto and Yokohama.")
    got = {(m.b.name, m.relation.value, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert got == {("Portland", "sister", "1988"), ("Miami", "sister", "1995"), ("Busan", "sister", "1966"),
                   ("Kumamoto", "friendship", None), ("Yokohama", "friendship", None)}


def test_a_year_month_and_day_all_in_chinese_numerals():
    from extractors.dates import find_dates

    assert [d.date.iso() for d in find_dates("民國一○一年九月十九日，嘉義縣", dt.date(2012, 9, 20))] == ["2012-09-19"]


def test_an_anniversary_next_year_states_the_tie_undated_by_the_day_it_was_said(nlp):
    text = ("Chiayi City and Matsue, Japan, will mark the fifth anniversary of their friendship city agreement "
            "next year, the city government said Friday.")
    got = {(m.event.value, m.date) for m in run(nlp, text, published=dt.date(2020, 10, 30))}
    assert got == {("established", None)}


def test_a_territorys_village_is_the_party(nlp):
    text = "Kinmen County signed a sister-county agreement with Guam's Hagåtña in 2013."
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Kinmen", "Hagåtña")}


@pytest.mark.parametrize("text, lang, published, expected", [
    ("長野県須坂市と台湾の新竹市は9日、2016年に結んだ友好交流協定の期間を5年間延長することで合意した。", "ja",
     dt.date(2021, 6, 10), {("renewed", "2021-06-09"), ("established", "2016")}),
    ("In 2019, the City of Tempe and Taichung extended their friendship city agreement for another five years.",
     "en", dt.date(2020, 5, 18), {("renewed", "2019")}),
    ("Kaohsiung's sister-city relationship with Scottsdale, Arizona, which began in 1988, was dissolved in 2012.",
     "en", dt.date(2013, 1, 29), {("terminated", "2012"), ("established", "1988")}),
])
def test_extensions_and_endings_keep_the_founding_apart(nlp, text, lang, published, expected):
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=published, lang=lang)}
    assert got == expected


def test_the_reporters_place_in_a_chinese_byline_is_no_party(nlp):
    text = ("〔記者陳彥廷／屏東報導〕來自日本鹿兒島縣的大和村村長一行人來到屏東縣內埔鄉，和內埔鄉簽署友好交流協定。")
    found = run(nlp, text, published=dt.date(2025, 11, 22), lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Neipu", "Yamato")}


def test_a_rows_district_before_its_city_is_the_party(nlp):
    text = ("U.S. sister cities of Taiwan\nEl Monte  Yongkang District  Tainan Special Municipality\n"
            "Tavares  Xindian District  New Taipei Special Municipality")
    got = {(m.a.name, m.b.name) for m in run(nlp, text)}
    assert ("Yongkang", "El Monte") in got and ("Tainan", "El Monte") not in got


def test_a_partners_record_page_dates_its_tie_by_its_labelled_field(nlp):
    text = ("Sister Cities\nKnoxville, Tennessee, USA\n"
            "Knoxville is the third-largest city in Tennessee and home to the state university.\n"
            "Date of Affiliation : May 2, 2001\n"
            "Officials of the two cities : Mayor Tsai Jen-chien of Hsinchu City and Mayor Victor Ashe of Knoxville")
    got = {(m.a.name, m.b.name, m.relation.value, m.date.iso() if m.date else None) for m in run(nlp, text)}
    assert got == {("Hsinchu City", "Knoxville", "sister", "2001-05-02")}


def test_a_rows_division_column_in_chinese_is_no_partner(nlp):
    text = ("桃園市\n  • 友好城市數:34\n市政府締結\n編號 國別 區(州、省、縣等)別 城市名 締約日\n"
            "1   美国 康乃狄克州 哈特福縣 1982.06.16\n9   以色列 特拉維夫區 拉馬干 2016.07.12")
    got = {(m.b.name, m.date.iso()) for m in run(nlp, text, lang="zh", title="中華民國友好城市或姐妹城市列表")}
    assert ("Ramat Gan", "2016-07-12") in got and not any(name == "Tel Aviv" for name, _ in got)


@pytest.mark.parametrize("text", [
    "台北市長今天接見日本大阪市議員訪問團，表示台北市與大阪市雖非姊妹市，但雙方交流頻繁。",
    "新竹市長今天出席在東京舉行的交流會，並與日本千葉縣知事會面，雙方同意推動兩地交流，但未簽署任何協定。",
])
def test_a_tie_the_sentence_denies_in_chinese_is_none(nlp, text):
    assert run(nlp, text, lang="zh") == []


def test_a_relative_aside_keeps_its_own_kind_and_its_place(nlp):
    text = ("Taoyuan, which already has sister ties with Hartford County, signed a new friendship agreement with "
            "Yokohama on Monday.")
    got = {(m.b.name, m.relation.value) for m in run(nlp, text)}
    assert got == {("Hartford County", "sister"), ("Yokohama", "friendship")}
    text = ("The mayor of Kaohsiung, who was in Manila for a forum, said the city's sister city relationship with "
            "Busan would be expanded.")
    # (Manila, where the mayor was, is no partner)
    assert {m.b.name for m in run(nlp, text)} == {"Busan"}


def test_a_tie_told_of_guests_is_not_dated_by_their_meeting(nlp):
    text = "Representatives of Taichung and of its sister city Sacramento met in Osaka on Sunday."
    assert {(m.b.name, m.date) for m in run(nlp, text)} == {("Sacramento", None)}


def test_japanese_exchanges_kept_up_without_an_agreement_are_no_tie(nlp):
    text = "富山県は台湾の台中市と2016年から友好交流を続けているが、協定の締結には至っていない。"
    assert run(nlp, text, lang="ja") == []


def test_the_county_of_a_name_is_the_county(nlp):
    text = ("The Board of Supervisors of the County of Santa Clara approved a resolution renewing the county's "
            "sister-county relationship with Hsinchu County, first established in 1989.")
    assert {(m.b.name, m.b.country) for m in run(nlp, text)} == {("Santa Clara County", "US")}


def test_two_taiwanese_cities_told_apart_by_a_comma_are_no_pair(nlp):
    text = ("Taipei has more than 50 sister cities, Kaohsiung more than 20; yet few of these ties produce anything. "
            "Tainan's partnership with Sendai is an exception.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Tainan", "Sendai")}


def test_the_kind_written_before_each_partners_name_is_its_tie(nlp):
    text = "台南市長率團訪問日本，先後拜會姊妹市仙台市與友好城市金澤市。"
    got = {(m.b.name, m.relation.value) for m in run(nlp, text, lang="zh")}
    assert got == {("Sendai", "sister"), ("Kanazawa", "friendship")}


def test_friendly_exchanges_and_a_foundations_name_are_no_friendship_tie():
    from extractors.lexicon import relations_in
    from extractors.tie_kinds import relation_of

    text = "再以台北與上海雙城論壇為例，雙方城市友好交流，10年來簽署30餘項合作備忘錄。"
    assert relation_of(text, relations_in(text), []).value == "mou"
    assert relations_in("台南市台日文化友好交流基金會郭榮譽董事長") == []
    text = "石垣市と蘇澳鎮は友好交流協定を締結した。"  # (a tie noun after it: the friendship agreement)
    assert relation_of(text, relations_in(text), []).value == "friendship"


def test_an_assemblys_approval_is_a_proposal_its_later_talk_does_not_undo(nlp):
    text = ("The Prague City Hall assembly on Thursday approved the signing of a sister-city agreement with the "
            "capital of Taiwan, Taipei. According to Prague mayor Zdenek Hrib, the agreement should be apolitical.")
    got = {(m.a.name, m.b.name, m.event.value) for m in run(nlp, text, published=dt.date(2019, 12, 12))}
    assert got == {("Taipei", "Prague", "proposed")}


def test_a_signing_ceremony_to_be_hosted_is_a_proposal():
    text = ("On Dec. 15, the office will join with the governor and the city of Taoyuan to host a summit and "
            "sister city agreement signing ceremony.")
    assert event_of(text) == (Event.PROPOSED, True)


def test_another_jubilee_renews_no_tie():
    assert event_of("令和6年10月に新北市淡水区と締結した友好交流覚書及び市制施行20周年を記念し")[0] is Event.ESTABLISHED


def test_a_tie_is_dated_by_its_first_passage_unless_another_marks_the_founding(nlp):
    text = ("Fuli Township and Bibai signed a friendship agreement online on October 1. "
            "The two towns agreed on the friendship agreement in 2023, when a delegation from Bibai visited Fuli.")
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2024, 10, 2))}
    assert ("established", "2024-10-01") in got


def test_a_tie_named_only_in_an_aside_pairs_no_one_outside_it(nlp):
    text = ("Speaking at a forum in Taipei, the mayor of Fukuoka said his city, which has friendship ties with Busan "
            "and Guangzhou, hoped to learn from Taipei's smart city projects.")
    assert not any("TW" in (m.a.country, m.b.country) for m in run(nlp, text))


def test_one_written_name_is_the_place_its_country_placed(nlp):
    text = "嘉義市長今天接見日本島根縣松江市長上定昭仁，松江市與嘉義市2016年締結友好交流協定。"
    assert {(m.b.name, m.b.country) for m in run(nlp, text, lang="zh")} == {("Matsue", "JP")}


def test_an_aside_about_one_sides_tie_still_pairs_it_with_the_other(nlp):
    text = "Kaohsiung, which has been a sister city since 1988, welcomed a delegation from Portland on Monday."
    assert {(m.a.name, m.b.name, m.date.iso()) for m in run(nlp, text)} == {("Kaohsiung", "Portland", "1988")}


def test_an_earlier_tie_in_an_after_clause_is_a_second_record_with_its_own_date(nlp):
    text = ("Kaohsiung and Yokohama signed a memorandum of understanding on port city cooperation on Wednesday, "
            "10 years after the two cities first signed a partnership agreement in 2014.")
    got = {(m.relation.value, m.date.iso()) for m in run(nlp, text, published=dt.date(2024, 9, 12))}
    assert got == {("mou", "2024-09-11"), ("cooperation", "2014")}
