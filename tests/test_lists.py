"""Lists and tables: one pair per row or item, with the relation of the
heading above and the row's own date."""

from __future__ import annotations

import pytest

from conftest import run

from extractors.partnerships import PartnershipFinder
from extractors.pipeline import build_pipeline


def candidates(nlp, text: str):
    doc = nlp(text)
    return {(c.mentions[0].a.name, c.mentions[0].b.name): c for c in doc._.candidates}


def test_each_item_under_a_heading_pairs_with_the_heading_government(nlp):
    text = ("Kaohsiung City sister cities\n\n"
            "- Seattle, United States (1961)\n"
            "- Busan, South Korea (1966)\n"
            "- Cebu City, Philippines (1973)\n")
    found = candidates(nlp, text)
    assert {("Kaohsiung", "Seattle"), ("Kaohsiung", "Busan"), ("Kaohsiung", "Cebu City")} <= set(found)
    busan = found[("Kaohsiung", "Busan")]
    assert busan.features["table_row"] == 1.0 and busan.features["side_from_header"] == 1.0
    [mention] = busan.mentions
    assert mention.date is not None and mention.date.iso() == "1966"
    assert mention.relation.value == "sister" and mention.evidence.text.startswith("- Busan")


def test_a_table_row_naming_both_sides_is_a_candidate(nlp):
    text = ("Sister cities of Taiwan in the United States\n\n"
            "City | Partner | Since\n"
            "Phoenix | Taipei | 1979\n"
            "San Diego | Taichung | 1983\n")
    found = candidates(nlp, text)
    assert ("Taipei", "Phoenix") in found and ("Taichung", "San Diego") in found
    assert found[("Taichung", "San Diego")].mentions[0].date.iso() == "1983"


def test_prose_after_a_heading_is_not_a_row(nlp):
    text = ("Hsinchu County signs a sister city agreement\n\n"
            "Magistrate Yang emphasized the similarities between Hsinchu County and Ryde City.\n")
    assert not any(c.features.get("table_row") for c in nlp(text)._.candidates)


def test_names_in_table_rows_that_the_model_misses_are_looked_up(nlp):
    text = ("US-Taiwan Sister Cities\n\n"
            "State U.S. City Partner\n"
            "Alaska\n"
            "  Juneau Chiayi Taiwan Province\n"
            "Arkansas\n"
            "  Little Rock Kaohsiung Kaohsiung Special Municipality\n")
    doc = nlp(text)
    rows = {p.text: p.place for p in doc._.places if "row" in p.notes}
    assert rows["Juneau"].admin1 == "Alaska" and rows["Little Rock"].admin1 == "Arkansas"
    pairs = {(c.mentions[0].a.name, c.mentions[0].b.name) for c in doc._.candidates}
    assert {("Chiayi City", "Juneau"), ("Kaohsiung", "Little Rock")} <= pairs


def test_a_headline_in_title_case_is_not_a_table_row(nlp):
    doc = nlp("Greater Taipei Twin City Agreement For The Next Golden Ten Years\n\nTaipei and New Taipei signed.")
    assert not [p for p in doc._.places if "row" in p.notes]


def test_a_section_title_owns_the_table_under_its_cue_line(nlp):
    # A wiki page: the city's name on a line, a count of its ties, then the
    # rows (country, state, partner, date).
    text = ("桃園市\n\n"
            "友好城市數:3\n"
            "編號 國別 州 城市名 締約日\n"
            "1   美国 加利福尼亞州 阿拉米達縣 1998.09.14\n"
            "2   美国 德克薩斯州 達拉斯 2007.01.12\n"
            "3   大韓民國 仁川廣域市 2009.09.14\n")
    mentions = run(nlp, text, lang="zh")
    found = {(m.a.name, m.b.name): m for m in mentions}
    assert {("Taoyuan", "Alameda County"), ("Taoyuan", "Dallas"), ("Taoyuan", "Incheon")} <= set(found)
    # the state written in the row beside the partner is not a party
    assert ("Taoyuan", "California") not in found and ("Taoyuan", "Texas") not in found
    assert found[("Taoyuan", "Dallas")].date.iso() == "2007-01-12"


def test_a_partner_page_listing_its_own_sister_cities_pairs_each_taiwanese_item_with_the_page_owner(nlp):
    text = ("Sister Cities of Los Angeles\n\n"
            "Los Angeles celebrated its sister city program this week. The first cities to become "
            "sister cities of Los Angeles were Nagoya, Japan and Eilat, Israel in 1959, and the number "
            "of sister cities of Los Angeles has now grown to 25:\n"
            "- Athens, Greece\n"
            "- Busan, South Korea\n"
            "- Taipei, Taiwan\n"
            "- Vancouver, Canada\n")
    found = candidates(nlp, text)
    taipei = found[("Taipei", "Los Angeles")]
    assert taipei.features["partner_list"] == 1.0 and taipei.mentions[0].relation.value == "sister"
    assert taipei.mentions[0].evidence.text.startswith("- Taipei")


def test_a_taiwanese_item_is_not_given_a_foreign_owner_the_page_does_not_centre_on(nlp):
    text = ("Our city's friends\n\n"
            "Kaohsiung and Busan were discussed; Kaohsiung signed with Busan in 1966 as sister cities.\n"
            "- Taichung, Taiwan\n")
    found = candidates(nlp, text)
    assert not any(c.features.get("partner_list") for c in found.values())


def test_a_foreign_city_listing_its_sisters_in_one_sentence_pairs_with_the_taiwanese_member(nlp):
    # '; and' closes the list like ', and': Taipei is one of Phoenix's list, not a list of its own.
    text = ("Phoenix has a total of 5 sister cities — Calgary, Canada; Catania, Italy; Himeji, Japan; "
            "Suwon, South Korea; and Taipei, Taiwan.")
    found = candidates(nlp, text)
    assert found[("Taipei", "Phoenix")].selected
    assert not any(c.selected for key, c in found.items() if key[0] == "Taipei" and key[1] != "Phoenix")


def test_a_city_that_has_sisters_names_a_tie(nlp):
    text = "The City of Reno has nine sisters: Yellowknife, Canada; Hatzor, Israel; Taichung, Taiwan; and Nanhai, China."
    assert candidates(nlp, text)[("Taichung", "Reno")].selected


def test_a_partner_page_lists_its_ties_as_name_country_and_date(nlp):
    # 'Taichung, Taiwan - April 2, 1982' opens its line like a dateline, but
    # a date alone after the dash makes it a row; 'Kaoshiung, Taiwan, 1962.'
    # ends in a full stop and is still an item of the list.
    text = ("City of Winnipeg: international relations\n\n"
            "Winnipeg has eleven sister cities, the most of any city in Canada.\n\n"
            "Taichung, Taiwan - April 2, 1982\n\n"
            "Kuopio, Finland - June 11, 1982\n")
    found = candidates(nlp, text)
    assert found[("Taichung", "Winnipeg")].mentions[0].date.iso() == "1982-04-02"
    text = ("Honolulu has many sisters.\nOther Honolulu sister cities and the year such ties were established include:\n"
            "Manila, 1980.\n"
            "Kaoshiung, Taiwan, 1962.\n")
    [tie] = [c for c in nlp(text)._.candidates if c.mentions[0].a.country == "TW"]
    assert tie.mentions[0].a.name == "Kaohsiung" and tie.mentions[0].date.iso() == "1962"


def test_a_dateline_stays_a_dateline():
    from extractors.datelines import is_dateline

    text = "KAOHSIUNG, TAIWAN - Media OutReach - The city signed ...\nTaichung, Taiwan - April 2, 1982\n"
    assert is_dateline(text, 0, 9)
    assert not is_dateline(text, text.index("Taichung"), text.index("Taichung") + 8)


def test_a_list_in_one_sentence_dates_each_pair_by_its_own_item(nlp):
    text = ("Hualien City has sister cities: Ulsan in South Korea, Yonaguni Town in Okinawa (1982), "
            "Albuquerque City in the U.S. state of New Mexico (1983), and Bellevue City in Washington State (1984).")
    dates = {c.mentions[0].b.name: c.mentions[0].date for c in nlp(text)._.candidates
             if c.mentions[0].a.name == "Hualien City"}
    assert {k: v.iso() for k, v in dates.items() if v}.items() >= {"Yonaguni": "1982", "Albuquerque": "1983",
                                                          "Bellevue": "1984"}.items()
    assert dates["Ulsan"] is None  # its item gives no date: another item's is not its own


def test_a_span_of_years_dates_no_single_tie(nlp):
    text = "Between 1981 and 1985, Hualien forged sister city ties with Ulsan City in South Korea."
    [tie] = [c.mentions[0] for c in nlp(text)._.candidates]
    assert tie.date is None


def test_parallel_clauses_pair_within_each_clause_with_its_own_date(nlp):
    found = run(nlp, "台北市在1995年與華沙締姊妹市盟約，台南市在2004年與艾布洛格市(City of Elblag)締盟。", lang="zh")
    assert {(m.a.name, m.b.name, m.date.iso(), m.relation.value) for m in found} == {
        ("Taipei", "Warsaw", "1995", "sister"), ("Tainan", "Elbląg", "2004", "sister")}


def test_partners_listed_after_with_in_chinese_all_pair_with_the_taiwanese_side(nlp):
    found = run(nlp, "嘉義市與日本石川縣金澤市、富山縣射水市締結友好城市。", lang="zh")
    assert {(m.a.name, m.b.name) for m in found if m.confidence >= 0.5} == {
        ("Chiayi City", "Kanazawa"), ("Chiayi City", "Imizu")}


def test_two_taiwanese_lists_joined_by_with_keep_their_own_partners(nlp):
    found = run(nlp, "高雄市與美國休士頓、洛杉磯與舊金山締結姊妹市。", lang="zh")
    assert {m.b.name for m in found if m.confidence >= 0.5} == {"Houston", "Los Angeles", "San Francisco"}


def test_a_list_after_a_headings_colon_on_the_same_line_gives_each_item_its_year(nlp):
    found = run(nlp, "Hsinchu City's sister cities: Beaverton, Oregon (1988); Cupertino, California (1998); "
                     "Okayama, Japan (2003).")
    assert {(m.a.name, m.b.name, m.date.value.year) for m in found} == {
        ("Hsinchu City", "Beaverton", 1988), ("Hsinchu City", "Cupertino", 1998), ("Hsinchu City", "Okayama", 2003)}


def test_a_colon_in_prose_makes_no_list(nlp):
    assert run(nlp, "The mayor said: Taipei and Houston are close friends.") == []


def test_a_row_listing_a_foreign_citys_partners_pairs_none_of_them_with_each_other(nlp):
    # Hachioji's page: one line lists its partners in four countries, the
    # Taiwanese among them; they are Hachioji's partners, not each other's.
    text = ("八王子の海外友好交流都市\n"
            "中国・泰安市、台湾・高雄市、韓国・始興市、ドイツ・ヴリーツェン市\n"
            "八王子市は泰安市、高雄市、始興市と友好交流協定を締結しました。八王子市の交流は続きます。")
    found = run(nlp, text, lang="ja")
    assert {(m.a.name, m.b.name) for m in found} == {("Kaohsiung", "Hachiōji")}


def test_a_numbered_table_row_names_its_partner_in_the_country_its_own_cell_gives(nlp):
    # 'Numbering, country, district, city, date': the model reads the Korean
    # row as one organisation's name; the row's country cell says where to look.
    text = ("Taoyuan Sister City\n"
            "Numbering country District (state, province, county, etc.) city Contract date\n"
            "1 United States Texas Dallas 2007.01.12\n"
            "2 Korea Incheon Metropolitan City Incheon Metropolitan City 2009.09.14\n")
    found = candidates(nlp, text)
    assert {("Taoyuan", "Dallas"), ("Taoyuan", "Incheon")} <= set(found)
    [incheon] = found[("Taoyuan", "Incheon")].mentions
    assert incheon.b.country == "KR" and incheon.date is not None and incheon.date.iso() == "2009-09-14"


def test_a_later_clause_that_drops_its_subject_keeps_the_taiwanese_government(nlp):
    found = run(nlp, "台中市與日本青森縣簽署友好交流協定，並與岡山縣簽署觀光合作備忘錄。", lang="zh")
    assert {(m.a.name, m.b.name) for m in found} == {("Taichung", "Aomori"), ("Taichung", "Okayama")}
    found = run(nlp, "Taipei became a sister city of Warsaw in 1995 and of Vilnius in 2019.")
    assert {m.b.name for m in found} == {"Warsaw", "Vilnius"}


def test_a_clause_where_two_foreign_cities_sign_is_theirs_alone(nlp):
    found = run(nlp, "Taipei signed an MOU with Tokyo, and Seoul signed one with Busan.")
    assert {(m.a.name, m.b.name) for m in found} == {("Taipei", "Tokyo")}
    # a list after a comma is no clause of its own
    found = run(nlp, "Taipei signed sister city agreements with Tokyo, Osaka and Kyoto.")
    assert {m.b.name for m in found} == {"Tokyo", "Osaka", "Kyoto"}


def test_a_partner_page_table_under_its_own_name_gives_each_taiwanese_row(nlp):
    text = ("Cupertino Sister Cities\n\nCity | Country | Year established\nHsinchu City | Taiwan | 1998\n"
            "Toyokawa | Japan | 1978\nCopertino | Italy | 1991")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Hsinchu City", "Cupertino", "1998")}


def test_a_japanese_list_of_ties_named_in_its_title_pairs_its_owner_and_a_dated_row_heads_nothing(nlp):
    text = ("姉妹都市・友好都市\n都市名 国名 提携年月日\nリバサイド市 アメリカ合衆国 1957年3月9日\n"
            "台南市 台湾 2006年4月12日（友好交流協定）\n光州広域市 韓国 2002年4月22日")
    found = run(nlp, text, lang="ja", title="仙台市の姉妹・友好都市")
    # Gwangju is Sendai's partner, not the partner of the Tainan row above it.
    assert all("Gwangju" not in (m.a.name, m.b.name) for m in found)
    assert {(m.a.name, m.b.name) for m in found} <= {("Tainan", "Sendai")}


def test_a_partners_list_opened_by_a_colon_belongs_to_the_government_before_it(nlp):
    text = ("Salt Lake County has sister county relationships with:\n• Chiayi County, Taiwan (1995)\n"
            "• Nantou County, Taiwan (2002)\n• Hamamatsu, Japan (1993)\n")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found if m.a.country == "TW"} == {
        ("Chiayi County", "Salt Lake County", "1995"), ("Nantou", "Salt Lake County", "2002")}


def test_rows_written_over_two_lines_on_a_partners_page_pair_with_its_owner(nlp):
    text = "石垣市の姉妹都市\n蘇澳鎮（台湾）\n1995年9月11日締結\n友好都市\n花蓮市（台湾）\n2024年締結\n"
    found = run(nlp, text, lang="ja", title="姉妹都市・友好都市 - 沖縄県石垣市")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {
        ("Su'ao", "Ishigaki", "1995-09-11"), ("Hualien City", "Ishigaki", "2024")}


def test_a_table_on_a_taiwanese_government_site_is_its_owners(nlp):
    from conftest import run

    text = ("International Sister Cities\n"
            "No. | City | Country | Date Signed\n"
            "1 | Winnipeg | Canada | 1982.04.02\n"
            "2 | San Diego | U.S.A. | 1983.05.19\n")
    found = run(nlp, text, title="International Sister Cities - Taichung City Government")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {
        ("Taichung", "Winnipeg", "1982-04-02"), ("Taichung", "San Diego", "1983-05-19")}


def test_partners_listed_after_has_n_sister_cities_are_the_subjects_not_each_others(nlp):
    from conftest import run

    text = ("Phoenix has a total of 11 sister cities — Calgary, Canada; Chengdu, China; Himeji, Japan; "
            "Taipei, Taiwan; and Prague, Czechia.")
    found = {(m.a.name, m.b.name) for m in run(nlp, text)}
    assert ("Taipei", "Phoenix") in found
    assert not any("Taipei" in pair and "Phoenix" not in pair for pair in found)


def test_a_dated_list_run_on_after_has_n_sister_cities_is_the_subjects(nlp):
    from conftest import run

    text = ("Taipei has 52 sister cities around the world. In Asia: Seoul (1968), Manila (1966). "
            "In Europe: Warsaw (1995), Prague (2019).")
    found = {(m.a.name, m.b.name, m.date.iso()) for m in run(nlp, text)}
    assert found == {("Taipei", "Seoul", "1968"), ("Taipei", "Manila", "1966"), ("Taipei", "Warsaw", "1995"),
                     ("Taipei", "Prague", "2019")}


def test_a_chinese_table_row_keeps_its_own_date_line_by_line(nlp):
    from conftest import run

    text = ("國際姊妹市\n"
            "城市 國家 締約日期\n"
            "溫尼伯市 加拿大 1982年4月2日\n"
            "聖地牙哥市 美國 1983年5月19日\n"
            "奧蘭多市 美國 1986年3月24日\n")
    found = run(nlp, text, lang="zh", title="國際姊妹市 - 臺中市政府外交事務")
    assert {(m.b.name, m.date.iso()) for m in found} == {
        ("Winnipeg", "1982-04-02"), ("San Diego", "1983-05-19"), ("Orlando", "1986-03-24")}


def test_a_partner_pages_date_field_above_the_prose_dates_the_tie(nlp):
    from conftest import run

    text = "台湾 台北市\n提携日 平成25年7月31日\n提携の経緯 浜松市と台北市は、観光交流を契機に交流を深め、観光交流都市協定を締結しました。"
    found = run(nlp, text, lang="ja", title="友好交流都市 - 浜松市")
    assert {(m.a.name, m.b.name, m.date.iso()) for m in found} == {("Taipei", "Hamamatsu", "2013-07-31")}


@pytest.mark.parametrize("text, url, pair", [
    ("Sister City: Taichung City, Taiwan\nYear established: 1997\nThe sister city relationship between Taichung "
     "City and Winnipeg was formally established when the mayors signed the agreement.", None,
     ("Taichung", "Winnipeg", "1997")),
    ("Hsinchu County, Taiwan\nSister City since 2011\nOverland Park and Hsinchu County signed the agreement during a "
     "visit by the Magistrate.", None, ("Hsinchu County", "Overland Park", "2011")),
])
def test_an_english_date_field_above_the_prose_dates_the_tie(nlp, text, url, pair):
    from conftest import run

    found = run(nlp, text, url=url)
    assert {(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in found} == {pair}
