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


# ---------------------------------------------------------------- an anniversary the next sentence keeps

def test_an_anniversary_sentence_naming_its_own_tie_renews_that_tie_not_the_pact_before(nlp):
    text = ("与那国町と台湾の花蓮市は17日、災害時の相互応援に関する協定を結んだ。"
            "両市町は1982年に姉妹都市となっており、昨年は締結40周年の記念式典を開いた。")
    got = ties(run(nlp, text, published=dt.date(2023, 10, 18), lang="ja"))
    assert got == {("Hualien City", "Yonaguni", "cooperation", "established", "2023-10-17"),
                   ("Hualien City", "Yonaguni", "sister", "renewed", "2022"),
                   ("Hualien City", "Yonaguni", "sister", "established", "1982")}


def test_an_anniversary_sentence_with_no_kind_of_its_own_renews_the_tie_before(nlp):
    text = "那覇市は、台北市と2013年に友好都市協定を締結しました。令和5年には締結10周年記念事業を実施しました。"
    got = ties(run(nlp, text, published=dt.date(2024, 1, 10), lang="ja"))
    assert got == {("Taipei", "Naha", "friendship", "established", "2013"),
                   ("Taipei", "Naha", "friendship", "renewed", "2023")}


# ---------------------------------------------------------------- the day of the signing

def test_a_wire_storys_filing_day_is_not_the_signing_day_the_next_sentence_gives(nlp):
    text = ("【大紀元10月1日報導】(中央社記者林琳柏林1日專電)台灣桃園市與波蘭拉當市(Radom)締結為姊妹市。"
            "桃園市副市長呂朝福率團於9月27日至30日訪問波蘭，28日在拉當市議會簽約。")
    got = partners(run(nlp, text, published=dt.date(2011, 10, 1), lang="zh"))
    assert got["Radom"][2:] == ("sister", "established", "2011-09-28")


def test_an_undated_headline_leaves_the_founding_to_the_first_dated_passage_not_the_earliest_year(nlp):
    text = ("台桃園市與波蘭拉當市締盟\n"
            "台灣桃園市與波蘭拉當市(Radom)締結為姊妹市。副市長呂朝福28日在拉當市議會簽約。\n"
            "劉宜民表示，訪問團前來是回應去年拉當市長訪問桃園市，同時也藉此機會與拉當市締結姊妹盟。")
    got = partners(run(nlp, text, published=dt.date(2011, 10, 1), lang="zh"))
    assert got["Radom"][2:] == ("sister", "established", "2011-09-28")


# ---------------------------------------------------------------- a table's column names

def test_a_column_named_date_of_agreement_does_not_override_the_sister_cities_heading(nlp):
    text = ("Sister Cities\nChangwon has sister city relationships with 9 cities in 8 countries.\n"
            "Country | City | Date of Agreement\nUSA | Huntsville, Alabama | Jun. 6, 1986\n"
            "Taiwan | Kaohsiung City | Apr. 12, 1971\nJapan | Kanazawa | Sept. 24, 1995\n")
    got = ties(run(nlp, text, url="https://www.changwon.go.kr/eng/sister", title="Sister Cities"))
    assert got == {("Kaohsiung", "Changwon", "sister", "established", "1971-04-12")}


def test_the_line_under_a_row_names_its_kind_of_tie_with_its_date(nlp):
    text = ("前橋市の姉妹都市・友好都市\nアメリカ合衆国 インディアナ州 テレホート市\n提携日 1962年（昭和37年）12月5日\n"
            "台湾 台中市\n友好交流協定締結日 2017年（平成29年）10月2日\n")
    got = ties(run(nlp, text, lang="ja", url="https://www.city.maebashi.gunma.jp/kokusai/1.html",
                   title="姉妹都市・友好都市"))
    assert got == {("Taichung", "Maebashi", "friendship", "established", "2017-10-02")}


# ---------------------------------------------------------------- a foreign name written again without its unit

def test_a_foreign_city_named_again_without_its_unit_beside_the_taiwanese_side_is_the_same_place(nlp):
    text = ("宜蘭縣蘇澳鎮與日本沖繩縣石垣市締結姊妹市30周年，石垣市長中山義隆今率團再度造訪蘇澳。"
            "蘇澳與石垣自84年9月締結姊妹盟友至今，今年邁入第30年。")
    got = ties(run(nlp, text, published=dt.date(2025, 10, 2), lang="zh"))
    assert ("Su'ao", "Ishigaki", "sister", "established", "1995-09") in got


def test_a_stem_that_stands_alone_with_no_taiwanese_place_beside_it_is_not_read(nlp):
    text = "日本沖繩縣石垣市與蘇澳鎮締結姊妹市。石垣島的觀光客很多。"
    spans = [p for p in run_places(nlp, text) if p.text == "石垣"]
    assert spans == []


def run_places(nlp, text):
    from extractors.pipeline import _cjk_pipelines, _make_doc, _pipeline_for
    from models.records import DocumentInput

    item = DocumentInput(key="x", text=text, lang="zh", published=dt.date(2025, 10, 2))
    pipe = _pipeline_for(nlp, _cjk_pipelines(nlp), item)
    return list(pipe(_make_doc(pipe, item)[0])._.places or ())


def test_became_sisters_is_a_sister_tie_and_dates_it(nlp):
    text = ("Governor Miyashita of Aomori Prefecture, Japan, a sister city of Taichung, visited Taichung City Hall. "
            "Aomori has joined the Lantern Festival many times since the two cities became sisters in 2016.")
    got = ties(run(nlp, text, published=dt.date(2019, 5, 1)))
    assert got == {("Taichung", "Aomori", "sister", "established", "2016")}


# ---------------------------------------------------------------- other things' anniversaries and ties

def test_an_anniversary_of_diplomatic_ties_or_of_a_law_is_no_renewal_of_the_city_tie(nlp):
    text = ("台北市府與巴士底市今（13）日正式締結姊妹市，聖克里斯多福及尼維斯聯邦今年與我國建交42週年。"
            "紐奧良市曾參與慶祝《台灣關係法》40週年紀念活動。")
    got = ties(run(nlp, text, published=dt.date(2025, 11, 13), lang="zh"))
    assert {t[3] for t in got} == {"established"}


def test_a_possessors_tie_with_a_third_place_is_theirs_not_the_visited_citys(nlp):
    text = ("Koike, who served as defense minister in 2007, arrived in Taipei after a trip to Australia to "
            "celebrate the 40th anniversary of Tokyo's sister state agreement with New South Wales.")
    got = ties(run(nlp, text, published=dt.date(2024, 2, 7)))
    assert ("Tokyo", "New South Wales", "sister", "renewed", "2024") in got
    assert not any("Taipei" in t[:2] for t in got)


def test_a_date_after_took_office_still_dates_nothing(nlp):
    text = "Since Mayor Ko took office in 2014, Taipei has signed a sister city agreement with Quito."
    got = partners(run(nlp, text, published=dt.date(2019, 4, 30)))
    assert got["Quito"][4] != "2014"


# ---------------------------------------------------------------- hoping to keep a tie is no proposal

def test_hoping_to_maintain_or_strengthen_a_tie_proposes_no_new_one(nlp):
    text = ("Taipei Mayor Ko Wen-je on Wednesday said he hopes Taipei and Atlanta will maintain their sister-city "
            "ties for another four decades, after the two cities became sister cities in 1979.")
    got = ties(run(nlp, text, published=dt.date(2019, 3, 21)))
    assert {t[3] for t in got} == {"established"}


def test_hoping_to_sign_still_proposes_in_english_and_chinese(nlp):
    assert {t[3] for t in ties(run(nlp, "Taipei hopes to sign a sister city agreement with Atlanta."))} == {"proposed"}
    got = ties(run(nlp, "嘉義市與日本人吉市盼締結姊妹市。", lang="zh"))
    assert {t[3] for t in got} == {"proposed"}


def test_a_tie_two_cities_might_sign_if_they_do_is_a_proposal(nlp):
    text = ("Taipei already has more than 50 sister cities. If Taipei and Prague do sign an agreement, as Mayor "
            "Ko Wen-je has suggested, it should be more than symbolic.")
    got = partners(run(nlp, text, published=dt.date(2019, 10, 10)))
    assert got["Prague"][3] == "proposed"


def test_even_if_does_not_turn_a_signing_into_a_proposal(nlp):
    text = "Taipei signed a sister city agreement with Prague on Monday, even if critics said it would anger Beijing."
    assert partners(run(nlp, text))["Prague"][3] == "established"


def test_greening_cities_and_a_green_transformation_are_about_the_environment():
    from extractors.themes import themes_of

    assert [t.value for t in themes_of("They also agreed to make efforts to green their cities.")] == [
        "environment_sustainability"]
    assert [t.value for t in themes_of("a partnership in sports and green transformation")] == [
        "environment_sustainability", "sports"]


# ---------------------------------------------------------------- Chinese items dated before their partner

def test_items_dated_before_with_and_their_partner_keep_their_own_dates(nlp):
    text = ("台中市長林佳龍今天與匹茲堡市長簽署友好城市協定，這是台中市繼2015年與日本熊本縣、2016年1月與美國奧斯汀市"
            "之後，再添一個國際友好城市。")
    got = partners(run(nlp, text, published=dt.date(2016, 4, 12), lang="zh"))
    assert got["Kumamoto"][4] == "2015" and got["Austin"][4] == "2016-01"
    assert got["Pittsburgh"][4] == "2016-04-12"


def test_a_one_kanji_japanese_city_after_its_prefecture_is_read_in_chinese(nlp):
    text = "彰化縣長王惠美今日與日本岐阜縣關市及群馬縣中之條町分別簽署友好交流協定。"
    got = partners(run(nlp, text, published=dt.date(2019, 6, 20), lang="zh"))
    assert set(got) == {"Seki", "Nakanojō"}


# ---------------------------------------------------------------- records of labelled fields

def test_a_list_of_records_with_labelled_fields_gives_each_partner_with_its_date(nlp):
    text = ("International Sister Cities\n1. Country: United States\nCity: Dallas, Texas\n"
            "Date Signed: September 9, 2007\n2. Country: Japan\nCity: Narita\nDate Signed: October 6, 2016\n")
    got = ties(run(nlp, text, url="https://www.tycg.gov.tw/en/sister", title="International Sister Cities",
                   outlet="Taoyuan City Government"))
    assert got == {("Taoyuan", "Dallas", "sister", "established", "2007-09-09"),
                   ("Taoyuan", "Narita", "sister", "established", "2016-10-06")}


def test_an_established_field_under_a_sister_city_line_dates_it(nlp):
    text = ("Sister City: Chiayi, Taiwan (R.O.C.)\nEstablished: 1998\nRiverside and Chiayi exchange students every "
            "summer.\nSister City: Sendai, Japan\nEstablished: 1957\n")
    got = partners(run(nlp, text, url="https://riversideca.gov/mayor/sister-cities", title="Sister Cities",
                       outlet="City of Riverside"))
    assert got["Riverside"][2:] == ("sister", "established", "1998")


def test_a_possessors_dated_agreement_renewed_last_month_is_founded_that_year_and_renewed_now(nlp):
    text = ("The Salem City Council in Oregon last month renewed the city's 1985 sister city agreement with "
            "Taichung County.")
    got = {t[3:] for t in ties(run(nlp, text, published=dt.date(2015, 6, 10)))}
    assert got == {("renewed", "2015-05"), ("established", "1985")}


def test_japanese_subjects_each_with_their_own_partner_pair_apart(nlp):
    text = ("青森県は、台湾の台中市と2016年に友好交流協定を締結しました。"
            "また、県内では弘前市が台南市と、八戸市が高雄市とそれぞれ交流協定を結んでいます。")
    got = {(t[0], t[1]) for t in ties(run(nlp, text, lang="ja", url="https://www.pref.aomori.lg.jp/1.html"))}
    assert got == {("Taichung", "Aomori"), ("Tainan", "Hirosaki"), ("Kaohsiung", "Hachinohe")}


def test_a_middle_gapped_clause_pairs_its_own_subject_and_partner(nlp):
    text = ("Several Japanese cities have partners in Taiwan: Sendai is twinned with Tainan, Kumamoto with Kaohsiung, "
            "and Hakodate with Taoyuan.")
    got = {(t[0], t[1]) for t in ties(run(nlp, text))}
    assert got == {("Tainan", "Sendai"), ("Kaohsiung", "Kumamoto"), ("Taoyuan", "Hakodate")}


def test_a_municipality_of_the_northern_mariana_islands_is_of_that_territory(gazetteer):
    tinian = [p for p in gazetteer.foreign_lookup("Tinian") if p.level.value == "county"]
    assert tinian and {p.country for p in tinian} == {"MP"}
