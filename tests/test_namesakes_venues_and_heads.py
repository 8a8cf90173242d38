"""Who and where, on texts written here: a Japanese page's own town beside
a Chinese one, a district a city's possessive places, a name after a
Taiwanese city (no division holding an unknown town), a state whose
governor signs in its capital, a council that approves, a list under
'Sister Cities of …', a subject in a later clause with no tie of its own;
and when: a signing still to come, a renewal agreement, the year an
agreement carries, a ceremony the next sentence dates."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run, ties
from extractors.chinese import ChinesePlaceFinder
from extractors.gazetteer.index import load_gazetteer
from models.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings().cache_dir)


def pairs(found) -> set[tuple[str, str]]:
    return {(m.a.name, m.b.name) for m in found}


# ---------------------------------------------------------------- places

def test_a_japanese_pages_own_town_stays_japanese_beside_a_chinese_city(nlp):
    text = ("令和6年10月3日、高山市と台湾嘉義市は友好交流協定を締結しました。\n"
            "なお、高山市はこれまでに米国デンバー市、中国昆明市などと姉妹都市提携を結んでいます。")
    found = run(nlp, text, published=dt.date(2024, 10, 5), lang="ja",
                url="https://www.city.takayama.lg.jp/shisei/1.html")
    assert ("Chiayi City", "Takayama", "friendship", "established", "2024-10-03") in ties(found)
    assert not any("Gaoshan" in (m.a.name, m.b.name) for m in found)


def test_japanese_pages_name_countries_in_kanji_of_their_own_and_in_katakana(gaz):
    finder = ChinesePlaceFinder(gaz, "ja")
    spans = finder.find("米国カリフォルニア州、豪州ケアンズ市、英国バーミンガム市、アメリカ合衆国オレゴン州")
    assert [(s.text, s.kind, s.country) for s in spans if s.kind == "country"] == [
        ("米国", "country", "US"), ("豪州", "country", "AU"), ("英国", "country", "GB"),
        ("アメリカ合衆国", "country", "US")]


def test_a_district_a_citys_possessive_places_is_in_that_city_wherever_named(nlp):
    text = ("Seoul's Mapo District signed a friendship exchange agreement with Taipei's Da'an District on "
            "Thursday, the district office said.\n"
            "Mapo District Mayor Park Kang-su and Da'an District chief Kao Chung-shih signed the agreement at the "
            "district office.")
    found = run(nlp, text, published=dt.date(2025, 3, 14))
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Da'an", "Mapo District", "KR")}


def test_a_name_after_a_taiwanese_city_is_no_division_holding_an_unknown_town(nlp):
    text = ("A delegation of 20 Phoenix residents traveled to Taipei, Phoenix's sister city since 1979, for the "
            "annual youth ambassador exchange. The group also met officials from Chengdu, another of Phoenix's "
            "sister cities.")
    found = run(nlp, text, published=dt.date(2023, 5, 22))
    assert ("Taipei", "Phoenix", "US") in {(m.a.name, m.b.name, m.b.country) for m in found}


def test_a_japanese_town_a_chinese_page_writes_is_read_by_its_whole_names_sound(nlp):
    text = "南投縣竹山鎮與日本熊本縣小國町2日在竹山鎮公所簽署友好交流協定，雙方將以竹產業及觀光為合作重點。"
    found = run(nlp, text, published=dt.date(2024, 9, 2), lang="zh")
    assert pairs(found) == {("Zhushan", "Oguni")}


# ---------------------------------------------------------------- who signs

def test_a_state_whose_governor_signs_in_its_capital_is_the_party(nlp):
    text = "花蓮縣長徐榛蔚19日在內布拉斯加州首府林肯市與州長皮倫簽署農業及教育合作備忘錄。"
    assert pairs(run(nlp, text, published=dt.date(2025, 6, 20), lang="zh")) == {("Hualien", "Nebraska")}
    text = ("Hualien County Magistrate Hsu Chen-wei signed a memorandum of understanding on agricultural and "
            "educational cooperation with Nebraska Governor Jim Pillen in Lincoln, the state capital, on Thursday.")
    assert pairs(run(nlp, text, published=dt.date(2025, 6, 20))) == {("Hualien", "Nebraska")}


def test_the_city_a_mayor_of_that_city_signs_with_stays_the_party(nlp):
    text = "花蓮縣長徐榛蔚19日在內布拉斯加州首府林肯市與林肯市長簽署合作備忘錄。"
    assert pairs(run(nlp, text, published=dt.date(2025, 6, 20), lang="zh")) == {("Hualien", "Lincoln")}


def test_a_place_whose_possessive_follows_in_is_no_scene(nlp):
    text = ("During the visit, Taichung Mayor Lu not only signed an MOU in international collaboration with Utrecht "
            "and Almere in the Netherlands but also started a new chapter in Taichung's city diplomacy.")
    assert {"Utrecht", "Almere Stad"} <= {m.b.name for m in run(nlp, text, published=dt.date(2018, 9, 20))}


def test_two_foreign_cities_joined_by_and_sign_their_own_agreement(nlp):
    text = ("Hualien, Taiwan\nBellevue and Hualien became sister cities in 1984.\nYao, Japan\n"
            "Yao and Bellevue signed their sister city agreement in 1969, making it Bellevue's oldest partnership.")
    found = run(nlp, text, published=dt.date(2024, 5, 10), url="https://bellevuewa.gov/sister-cities")
    assert ("Hualien", "Yao") not in pairs(found)
    assert ("Yao", "Bellevue") in pairs(found)


def test_a_place_in_a_later_clause_with_no_tie_of_its_own_is_no_partner(nlp):
    text = ("Kinmen County Magistrate Chen Fu-hai visited Guam last week. Guam has been a sister island of Penghu "
            "since 2014, and Kinmen hopes to follow that example.")
    assert pairs(run(nlp, text, published=dt.date(2023, 6, 1))) == {("Penghu", "Guam")}


def test_a_common_council_approving_a_tie_acts_for_its_city(nlp):
    text = ("The Stoughton Common Council on Tuesday approved a friendship city agreement with Lukang Township in "
            "Changhua County, Taiwan.")
    got = ties(run(nlp, text, published=dt.date(2022, 3, 30)))
    assert got == {("Lukang", "Stoughton", "friendship", "proposed", "2022-03-29")}


def test_a_table_under_sister_cities_of_a_city_and_the_city_after_it(nlp):
    text = ("Sister Cities of Cebu City\nCity | Country | Year\nKaohsiung | Taiwan | 1998\nYokohama | Japan | 1999\n"
            "Taichung | Taiwan | 2017\nThe city also maintains friendship agreements with Guangzhou and Xiamen in China.")
    found = run(nlp, text, published=dt.date(2024, 1, 15), url="https://www.cebucity.gov.ph/sister-cities/",
                outlet="City of Cebu")
    got = {(a, b, d) for a, b, _, _, d in ties(found) if "TW" in (a, b) or a in ("Kaohsiung", "Taichung")}
    assert got == {("Kaohsiung", "Cebu City", "1998"), ("Taichung", "Cebu City", "2017")}


# ---------------------------------------------------------------- events and dates

def test_a_signing_a_visit_is_expected_to_bring_is_still_to_come(nlp):
    text = ("The Lubbock City Council on Tuesday unanimously approved a resolution establishing a sister city "
            "relationship with Taoyuan, Taiwan. A delegation from Taoyuan is expected to visit in the spring to "
            "formally sign the agreement.")
    got = ties(run(nlp, text, published=dt.date(2023, 9, 12)))
    assert {e for _, _, _, e, _ in got} == {"proposed"}


def test_authorizing_the_mayor_to_execute_an_agreement_proposes_the_tie(nlp):
    text = ("Staff recommended that the City Council authorize the Mayor to execute a Friendship City Agreement "
            "with Yilan County.")
    got = ties(run(nlp, text, published=dt.date(2023, 10, 18), url="https://www.cityofrosemead.org/minutes/1.pdf",
                   outlet="City of Rosemead"))
    assert {(a, e) for a, _, _, e, _ in got} == {("Yilan", "proposed")}


def test_a_renewal_agreement_renews_the_friendship_the_sentence_continues(nlp):
    text = ("台南市長黃偉哲18日與來訪的日本仙台市長郡和子共同簽署續約協定，延續兩市自2006年締結的友好交流關係，"
            "未來將深化觀光、教育及防災合作。")
    got = ties(run(nlp, text, published=dt.date(2023, 5, 18), lang="zh"))
    assert got == {("Tainan", "Sendai", "friendship", "renewed", "2023-05-18"),
                   ("Tainan", "Sendai", "friendship", "established", "2006")}


def test_an_agreement_first_signed_between_the_two_dates_the_founding(nlp):
    text = ("Gov. Lou Leon Guerrero and Penghu County Magistrate Chen Kuang-fu on Monday renewed the sister-island "
            "agreement first signed between Guam and Penghu in 2014.")
    got = ties(run(nlp, text, published=dt.date(2024, 7, 22)))
    assert got == {("Penghu", "Guam", "sister", "renewed", "2024-07-22"),
                   ("Penghu", "Guam", "sister", "established", "2014")}


def test_the_year_an_agreement_carries_is_its_founding_not_its_ending(nlp):
    text = ("The Town of Hempstead board voted Tuesday to terminate its 2017 sister city agreement with Yueyang, "
            "China.")
    got = ties(run(nlp, text, published=dt.date(2022, 11, 15)))
    assert got == {("Hempstead", "Yueyang", "sister", "terminated", "2022-11-15"),
                   ("Hempstead", "Yueyang", "sister", "established", "2017")}


def test_partners_a_forum_brings_together_are_not_dated_by_the_forum(nlp):
    text = ("Representatives from 12 of Taoyuan's sister and friendship cities, including Lubbock in Texas and "
            "Mandaue in the Philippines, attended the forum in Taoyuan on Wednesday.")
    got = ties(run(nlp, text, published=dt.date(2024, 10, 10)))
    assert got and all(d is None for _, _, _, _, d in got)


def test_an_agreement_concluded_with_musubimashita_is_signed(nlp):
    text = ("青森県と台湾との交流\n本県は、台湾との間で観光・経済交流を進めています。\n"
            "また、令和5年には台湾の新北市と「経済・文化交流協定」を結びました。")
    found = run(nlp, text, published=dt.date(2025, 1, 22), lang="ja",
                url="https://www.pref.aomori.lg.jp/soshiki/kikaku/kokusai/taiwan.html")
    assert ("New Taipei", "Aomori", "cooperation", "established", "2023") in ties(found)


def test_an_anniversary_kept_this_year_takes_the_day_of_the_ceremony_after_it(nlp):
    text = ("日光市と台湾台南市は、平成26年5月に友好都市協定を締結し、今年で10周年を迎えました。\n"
            "これを記念し、5月18日に台南市から黄偉哲市長をはじめとする訪問団をお迎えし、記念式典を開催しました。")
    got = ties(run(nlp, text, published=dt.date(2024, 5, 20), lang="ja",
                   url="https://www.city.nikko.lg.jp/kokusai/2024/tainan10.html"))
    assert ("Tainan", "Nikkō", "friendship", "renewed", "2024-05-18") in got
    assert ("Tainan", "Nikkō", "friendship", "established", "2014-05") in got


def test_a_universitys_name_is_no_theme(nlp):
    text = ("The Lubbock City Council on Tuesday approved a sister city relationship with Taoyuan, Taiwan. Mayor "
            "Tray Payne said the partnership would open doors for Texas Tech University students.")
    found = run(nlp, text, published=dt.date(2023, 9, 12))
    assert found and all("technology_smart_city" not in {t.value for t in m.themes} for m in found)


def test_a_signing_the_clause_denies_is_no_tie_made(nlp):
    text = ("Las Vegas and Taichung have not signed a formal agreement, but both cities expressed interest in "
            "exploring a sister city relationship.")
    got = ties(run(nlp, text, published=dt.date(2024, 2, 20)))
    assert {(a, b, e) for a, b, _, e, _ in got} == {("Taichung", "Las Vegas", "proposed")}


def test_a_later_clause_with_its_own_subject_has_its_own_partner(nlp):
    text = ("Taichung signed a friendship agreement with Fukuoka Prefecture in 2023, while Tainan has had a friendship "
            "city relationship with Sendai since 2006.")
    assert pairs(run(nlp, text, published=dt.date(2024, 9, 15))) == {("Taichung", "Fukuoka"), ("Tainan", "Sendai")}


def test_a_states_short_name_before_its_governors_title_is_the_state(nlp):
    text = "嘉義市長黃敏惠18日率團訪問美國麻州，與麻州州長會面，雙方討論教育與科技合作，並盼未來締結姊妹州市。"
    got = ties(run(nlp, text, published=dt.date(2024, 1, 18), lang="zh"))
    assert {(a, b, e) for a, b, _, e, _ in got} == {("Chiayi City", "Massachusetts", "proposed")}


def test_the_government_of_a_territory_in_a_title_block_is_a_party(nlp):
    text = ("MEMORANDUM OF UNDERSTANDING ON TOURISM COOPERATION\nbetween\nYilan County, Taiwan (R.O.C.)\nand\n"
            "the Government of Guam\n\n1. Both parties agree to promote tourism exchanges.\n\n"
            "Done in duplicate at Yilan on 8 May 2023.")
    found = run(nlp, text, published=None, url="https://www.e-land.gov.tw/files/mou-guam.pdf")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Yilan", "Guam", "GU")}


def test_the_government_of_a_nation_is_no_local_party(nlp):
    text = ("Officials from the Government of Palau met Taipei Mayor Chiang on Monday to discuss a sister city "
            "agreement.")
    assert not any("Pala" in m.b.name for m in run(nlp, text))


def test_countries_that_only_locate_other_partners_leave_a_major_city_its_own(nlp):
    text = ("Hampton Mayor Jimmy Gray and Taoyuan Mayor Chang San-cheng signed a sister city agreement at Hampton City "
            "Hall on Monday. Gray said the partnership would build on the city's existing ties with Anzio in Italy "
            "and Maribyrnong in Australia.")
    found = run(nlp, text, published=dt.date(2024, 6, 11))
    assert ("Taoyuan", "Hampton", "US") in {(m.a.name, m.b.name, m.b.country) for m in found}


def test_the_state_a_trip_arrives_in_is_no_partner_of_the_sister_city_visited(nlp):
    text = "台中市長盧秀燕訪美行首日到新罕布夏州，拜會姊妹市曼徹斯特市長。兩市締交已經37年。"
    assert pairs(run(nlp, text, published=dt.date(2026, 3, 13), lang="zh")) == {("Taichung", "Manchester")}


def test_a_head_named_by_surname_signs_beside_another_mayor_named_in_full(nlp):
    text = ("Taipei Mayor Chiang Wan-an returned on Sunday from a trip to Europe.\n"
            "In Vilnius, Chiang and Mayor Valdas Benkunskas signed a memorandum of understanding on cultural "
            "exchanges.")
    assert pairs(run(nlp, text, published=dt.date(2025, 10, 20))) == {("Taipei", "Vilnius")}


def test_partners_a_list_includes_keep_their_tie_beside_a_plan_the_next_clause_states(nlp):
    text = ("Huang said Tainan's friendship cities in Japan also include Kanazawa, Nikko and Kyoto, and the city hopes "
            "to sign an agreement with Okayama next year.")
    got = ties(run(nlp, text, published=dt.date(2024, 11, 5)))
    assert {("Tainan", b, "friendship", "established", None) for b in ("Kanazawa", "Nikkō", "Kyoto")} <= got
    assert not any(b in ("Kanazawa", "Nikkō", "Kyoto") and e == "proposed" for _, b, _, e, _ in got)


def test_a_hokkaido_town_after_its_subprefectures_area_is_a_town(nlp):
    text = ("姉妹都市の台湾・宜蘭県羅東鎮から高校生20人が19日、十勝管内本別町を訪れ、町民と交流した。"
            "両町は2008年に姉妹都市提携を結んでいる。")
    assert pairs(run(nlp, text, published=dt.date(2025, 2, 20), lang="ja")) == {("Luodong", "Honbetsu")}


def test_a_line_ending_in_with_runs_on_into_the_next(nlp):
    text = ("CITY COUNCIL REGULAR MEETING MINUTES\n"
            "Staff presented a report on renewing the sister city agreement with\n"
            "Zhongli, which was first signed in 1985.\nItem 6\nMayor Alarcon reported on his visit.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert "Staff presented a report on renewing the sister city agreement with\nZhongli, which was first signed " \
           "in 1985." in sents
    assert "Item 6" in sents  # (a short line before a capital still ends its sentence)


def test_the_sister_city_agreement_with_a_partner_in_a_citys_minutes_is_the_citys(nlp):
    text = ("CITY OF ROSEMEAD\nCITY COUNCIL REGULAR MEETING MINUTES\n"
            "Staff presented a report on renewing the sister city agreement with\n"
            "Zhongli District, Taoyuan City, which was first signed in 1985.\n")
    got = ties(run(nlp, text, published=dt.date(2015, 2, 10), url="https://www.cityofrosemead.org/minutes/2015.pdf",
                   outlet="City of Rosemead"))
    assert ("Zhongli", "Rosemead", "sister", "established", "1985") in got


def test_a_township_office_speaks_of_itself_as_this_township(nlp):
    text = "本鄉於5月2日與日本熊本縣上天草市簽署友好交流協定，由鄉長與上天草市長共同簽署。"
    found = run(nlp, text, published=dt.date(2024, 5, 3), lang="zh", title="本鄉與日本上天草市簽署友好交流協定",
                outlet="宜蘭縣冬山鄉公所", url="https://www.dongshan.gov.tw/News_Content.aspx?n=1")
    assert ties(found) == {("Dongshan", "Kamiamakusa", "friendship", "established", "2024-05-02")}


def test_an_atolls_local_government_and_a_partner_a_tie_describes_are_places(nlp):
    text = ("Jaluit Atoll Local Government and Tainan City signed a sister city agreement in Tainan last week, Mayor "
            "Daisy Alik-Momotaro said. The atoll joins Majuro, which has been a sister city of Taipei since 2024.")
    got = {(a, b) for a, b, _, _, _ in ties(run(nlp, text, published=dt.date(2024, 8, 19)))}
    assert got == {("Tainan", "Jaluit Atoll"), ("Taipei", "Majuro")}


def test_a_participle_dates_its_own_item_only(nlp):
    text = "Iloilo City also has sister city ties with Kaohsiung, signed in 2018, and with Hsinchu City."
    got = ties(run(nlp, text, published=dt.date(2025, 5, 6)))
    assert got == {("Kaohsiung", "Iloilo", "sister", "established", "2018"),
                   ("Hsinchu City", "Iloilo", "sister", "established", None)}


def test_the_commonwealth_of_the_northern_mariana_islands_is_a_party(nlp):
    text = ("The Commonwealth of the Northern Mariana Islands and Taoyuan City signed a sister city agreement on "
            "Friday, Gov. Arnold Palacios said.")
    found = run(nlp, text, published=dt.date(2023, 4, 22))
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Taoyuan", "Northern Mariana Islands", "MP")}


def test_australian_states_and_cities_as_taiwanese_chinese_writes_them(gaz):
    spans = ChinesePlaceFinder(gaz, "zh").find("新北市與澳洲新南威爾斯州帕拉馬塔市、西澳州伯斯市簽署友好交流協定")
    assert {(s.place.name, s.kind) for s in spans if s.place is not None and s.place.country == "AU"} == {
        ("New South Wales", "locator"), ("Parramatta", "foreign"), ("Western Australia", "locator"),
        ("Perth", "foreign")}


def test_towns_in_their_prefectures_and_each_clause_with_its_own_tie(nlp):
    text = ("Minamiechizen in Fukui signed a memorandum with Tainan's Baihe District in 2023, and the town of Kikuyo in "
            "Kumamoto signed a friendship agreement with Hsinchu County's Zhubei City.")
    got = ties(run(nlp, text, published=dt.date(2023, 7, 14)))
    assert got == {("Baihe", "Minamiechizen", "mou", "established", "2023"),
                   ("Zhubei City", "Kikuyo", "friendship", "established", None)}


def test_a_short_palau_state_name_by_sound_is_that_state_when_it_alone_matches(nlp):
    text = "屏東縣與帛琉艾萊州自2019年締結姊妹縣州，雙方持續推動交流。"
    got = ties(run(nlp, text, published=dt.date(2025, 1, 9), lang="zh"))
    assert got == {("Pingtung", "Airai", "sister", "established", "2019")}


def test_what_a_visit_did_where_it_went_is_no_aside(nlp):
    text = ("Saitama Governor Motohiro Ono visited New Taipei City on Monday, where he and Mayor Hou Yu-ih renewed a "
            "2017 memorandum on education and culture.")
    got = ties(run(nlp, text, published=dt.date(2023, 11, 21)))
    assert got == {("New Taipei", "Saitama", "mou", "renewed", "2023-11-20"),
                   ("New Taipei", "Saitama", "mou", "established", "2017")}


def test_items_under_a_heading_that_ends_with_a_colon_are_the_list(nlp):
    text = ("Twin towns – sister cities\nLafayette is twinned with:\n Cholet, France\n Namur, Belgium\n"
            " Taipei County, Taiwan (now New Taipei)\n Lévis, Canada\n")
    found = run(nlp, text, published=None, url="https://en.wikipedia.org/wiki/Lafayette,_Louisiana")
    assert ("New Taipei", "Lafayette") in pairs(found)


def test_a_partner_after_sister_city_and_the_later_clause_that_renews_one_tie(nlp):
    text = ("桃園市長鄭文燦率團訪問美國，先後拜會姊妹市德州拉巴克市、加州蒙特利公園市及奧勒岡州比佛頓市，"
            "並與拉巴克市續簽姊妹市協定。")
    got = {(b, e) for _, b, _, e, _ in ties(run(nlp, text, published=dt.date(2023, 6, 6), lang="zh"))}
    assert ("Lubbock", "renewed") in got
    assert ("Monterey Park", "established") in got and ("Monterey Park", "renewed") not in got
    assert not any(b == "Dezhou" for b, _ in got)


def test_sister_cities_a_festival_invites_are_not_dated_by_it(nlp):
    text = "台中燈會今年邀請姊妹市日本熊本縣、美國聖安娜市及韓國大田市共襄盛舉。"
    got = ties(run(nlp, text, published=dt.date(2025, 2, 15), lang="zh"))
    assert got and all(d is None for *_, d in got)


def test_a_clause_after_while_keeps_its_own_event_and_that_year(nlp):
    text = ("The city of Prague suspended its partnership with Shanghai in 2020, while Taipei and Prague signed a "
            "sister city agreement in January that year.")
    got = ties(run(nlp, text, published=dt.date(2021, 4, 12)))
    assert ("Taipei", "Prague", "sister", "established", "2020-01") in got
    assert not any(a == "Taipei" and e == "terminated" for a, _, _, e, _ in got)


def test_a_city_office_is_the_city_government(gaz):
    spans = ChinesePlaceFinder(gaz, "ja").find("台湾・台南市の黄偉哲市長が15日、京都市役所を訪れ、門川大作市長と懇談した。")
    assert ("京都市", "foreign", "Kyoto") in {(s.text, s.kind, s.place.name) for s in spans if s.place is not None}
