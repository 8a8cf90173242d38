"""Who is a party: a city written before its own district only locates it,
an association named after sister cities states no tie, and a place written
after 'in' or 在 is marked so that the scorer can weigh it."""

from __future__ import annotations

import pytest
from conftest import run

from extractors.lexicon import relations_in


def test_a_taiwanese_city_written_before_its_own_district_only_locates_it(nlp):
    found = run(nlp, "台中市西屯區公所與美國霍博肯市簽署姊妹市協定。", lang="zh")
    assert {(m.a.name, m.b.name) for m in found if m.confidence >= 0.3} == {("Xitun", "Hoboken")}


def test_sister_cities_international_is_an_association_not_a_tie():
    assert relations_in("The mayor attended the Sister Cities International conference in Arlington.") == []
    assert relations_in("Taipei and Houston became sister cities in 1961.") != []


def test_a_side_written_after_in_is_marked_for_the_scorer(nlp):
    from extractors.pipeline import _make_doc
    from models.records import DocumentInput

    # (a state after 在 is no side at all, nor a city after 在 right before its partner ('在洛杉磯與…'):
    # tests/test_not_parties.py)
    item = DocumentInput(key="k", text="台北市長在洛杉磯簽署姊妹市協定。", lang="zh")
    from extractors.pipeline import _cjk_pipelines

    zh = _cjk_pipelines(nlp)["zh"]
    doc = zh(_make_doc(zh, item)[0])
    located = [c.features.get("b_after_in", 0.0) + c.features.get("a_after_in", 0.0) for c in doc._.candidates]
    assert located and max(located) == 1.0


def test_the_surname_of_a_person_named_in_full_is_no_place(nlp):
    text = ("Changzhi Township in Pingtung County renewed its friendship agreement with the town of Kikuyo in "
            "Japan's Kumamoto Prefecture on Saturday. Township Mayor Chen Ya-ting and Kikuyo Deputy Mayor "
            "Hiroshi Tanabe signed the renewed agreement. Tanabe said that 300 residents of Kikuyo had visited "
            "Changzhi since 2014.")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name) for m in found} == {("Changzhi", "Kikuyo")}


def test_taiwan_province_is_a_party_but_bare_taiwan_stays_the_country(nlp):
    found = {p.text: p for p in nlp("In 1988, Texas and Taiwan Province became sister states.")._.places}
    assert found["Taiwan Province"].place.id == "TW-TWP" and found["Taiwan Province"].kind == "taiwan"
    taiwan = [p for p in nlp("Taiwan and Texas signed a trade pact.")._.places if p.text == "Taiwan"]
    assert [p.kind for p in taiwan] == ["country"]
    # In a table, the province column after a city only locates it.
    text = ("US-Taiwan Sister Cities\n\nState U.S. City Partner\nAlaska\n"
            "  Juneau Chiayi Taiwan Province\n  State of Alaska Taiwan Province\n")
    pairs = {(c.mentions[0].a.name, c.mentions[0].b.name) for c in nlp(text)._.candidates}
    assert pairs == {("Chiayi City", "Juneau"), ("Taiwan Province", "Alaska")}


def test_taiwan_province_pairs_with_states_not_with_towns(nlp):
    text = ("US-Taiwan Sister Cities\n\nState U.S. City Partner\nConnecticut\n"
            "  Enfield Zhongli (Chungli) Taiwan Province\n  State of Connecticut Taiwan Province\n")
    pairs = {(c.mentions[0].a.name, c.mentions[0].b.name) for c in nlp(text)._.candidates}
    assert ("Taiwan Province", "Connecticut") in pairs and ("Taiwan Province", "Enfield") not in pairs


def test_a_district_municipality_is_the_division_not_its_seat(nlp):
    text = ("The Lithuanian district municipality of Jonava is negotiating a sister-city agreement with "
            "Taoyuan City in Taiwan, officials confirmed on Tuesday.")
    jonava = [p for p in nlp(text)._.places if "Jonava" in p.text]
    assert [p.place.id for p in jonava] == ["iso:LT-10"]


def test_a_bare_name_after_its_prefecture_is_the_prefecture(nlp):
    text = ("Hsinchu County signed a memorandum on friendship exchange with Kumamoto Prefecture, Japan, on "
            "Thursday. Kumamoto residents had welcomed Taiwanese families, the vice governor said.")
    ids = {p.place.id for p in nlp(text)._.places if p.text.startswith("Kumamoto")}
    assert ids == {"iso:JP-43"}
    # Named as a city too, the bare name stays ambiguous and keeps its own reading.
    text = ("Kumamoto Prefecture and Kumamoto City sent a delegation to Tainan. Kumamoto signed a sister "
            "city agreement with Tainan in 2020.")
    cities = {p.place.id for p in nlp(text)._.places if p.text == "Kumamoto City"}
    assert cities and "iso:JP-43" not in cities


def test_the_town_where_a_ceremony_was_held_is_no_party(nlp):
    text = ("Hsinchu County signed a memorandum on friendship exchange with Kumamoto Prefecture on Thursday, "
            "at a ceremony held at the county hall in Zhubei.")
    found = run(nlp, text)
    assert {(m.a.name, m.b.name) for m in found} == {("Hsinchu County", "Kumamoto")}
    assert [p.kind for p in nlp(text)._.places if p.text == "Zhubei"] == ["venue"]


def test_an_undated_memorandum_of_a_named_friendship_tie_is_that_tie(nlp):
    text = ("Hsinchu County signed a memorandum of understanding on friendship exchange with Kumamoto "
            "Prefecture, Japan, on Thursday, establishing a friendship relationship. Under the memorandum, "
            "Hsinchu County and Kumamoto Prefecture will cooperate on industry and talent.")
    found = run(nlp, text)
    assert {(m.relation.value, m.event.value) for m in found} == {("friendship", "established")}


def test_a_pair_split_across_clauses_is_marked_for_the_scorer(nlp):
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    zh = _cjk_pipelines(nlp)["zh"]
    text = "台北市在1995年與華沙締姊妹市盟約,台南市在2004年與艾布洛格市(City of Elblag)締盟。"
    doc = zh(_make_doc(zh, DocumentInput(key="k", text=text, lang="zh"))[0])
    apart = {(c.mentions[0].a.name, c.mentions[0].b.name): c.features["clauses_between"] for c in doc._.candidates}
    assert apart[("Taipei", "Warsaw")] == 0.0 and apart[("Tainan", "Elbląg")] == 0.0
    assert apart[("Tainan", "Warsaw")] > 0.0


def test_a_tie_with_a_university_named_before_it_is_no_tie_between_governments():
    assert relations_in("花蓮縣下半年將組團回訪馬卡蒂，並規劃與當地大學簽署學術交流備忘錄。") == []
    assert relations_in("花蓮縣與馬卡蒂市簽署姊妹市協定。") != []


def test_a_partner_listed_after_someone_elses_sister_cities_is_theirs(nlp):
    text = ("Taoyuan City, Taiwan could join Long Beach's list of sister cities, including Yokkaichi, Japan "
            "and Mombasa, Kenya.")
    elses = {(c.mentions[0].a.name, c.mentions[0].b.name): c.features.get("elses_tie", 0.0)
             for c in nlp(text)._.candidates}
    assert elses[("Taoyuan", "Yokkaichi")] == 1.0 and elses[("Taoyuan", "Long Beach")] == 0.0


def test_an_envoys_country_and_a_long_named_persons_surname_are_no_partners(nlp):
    text = ("Aklan Governor Jose Enrique M. Miraflores and Tainan Mayor Huang Wei-che signed the sister city "
            "agreement. Miraflores said Aklan would send students. The Ambassador of Saint Lucia attended.")
    found = {(m.a.name, m.b.name) for m in run(nlp, text)}
    assert not any("Miraflores" in pair or "Saint Lucia" in pair for pair in found)


def test_taiwans_economic_and_cultural_office_is_no_city(nlp):
    text = ("The summit, organized by the Taipei Economic and Cultural Office in Guam, culminated with "
            "Gov. Lou Leon Guerrero and Mayor Wen-tsan Cheng of Taoyuan signing a sister-city agreement.")
    assert [p.kind for p in nlp(text)._.places if p.text == "Taipei"] == ["org"]
    assert ("Taipei", "Guam") not in {(m.a.name, m.b.name) for m in run(nlp, text)}


def test_respective_lists_end_at_a_clause_not_at_the_next_name(nlp):
    text = ("來訪城市中，加州鑽石吧市(City of Diamond Bar)、蒙特利公園市(City of Monterey Park)、聖瑪利諾市"
            "(City of San Marino)分別為三峽區、永和區及淡水區的姊妹市，侯提到，歡迎加州姊妹市造訪新北。")
    from extractors.pipeline import _cjk_pipelines, _make_doc
    from models.records import DocumentInput

    zh = _cjk_pipelines(nlp)["zh"]
    doc = zh(_make_doc(zh, DocumentInput(key="k", text=text, lang="zh"))[0])
    chosen = {(c.mentions[0].a.name, c.mentions[0].b.name) for c in doc._.candidates if c.selected}
    assert chosen == {("Sanxia", "Diamond Bar"), ("Yonghe", "Monterey Park"), ("Tamsui", "San Marino")}


def test_forging_an_alliance_with_a_city_is_a_tie_but_an_alliance_of_mayors_is_not():
    assert relations_in("Ever since Kaohsiung City forged an alliance with Hachioji City, ties grew.") != []
    assert relations_in("An alliance of Japanese local government heads met in Tokyo.") == []


def test_friendship_words_that_name_a_memorandum_make_it_an_mou():
    from extractors.tie_kinds import relation_of

    def relation(text: str) -> str:
        return relation_of(text, relations_in(text), []).value

    assert relation("愛媛県と台中市が「友好交流覚書」を締結") == "mou"
    assert relation("此次簽訂全面友好交流備忘錄") == "mou"
    assert relation("Taoyuan also signed a friendly exchange agreement with Chiba Prefecture") == "friendship"
    # 'Friendly exchanges' are how two governments get on, not a friendship tie.
    assert relation("Hsinchu County has maintained friendly exchanges and an agreement with Miyazaki") == \
        "cooperation"
    # Where the text also names the tie itself, the tie is what it names.
    assert relation("Hsinchu County signed a memorandum on friendship exchange with Kumamoto, "
                    "establishing a friendship relationship") == "friendship"


@pytest.mark.parametrize("text, lang", [
    ("Taipei signed a friendship agreement with Yeonsu District of Incheon in 2019.", "en"),
    ("Taipei and Incheon's Yeonsu District signed a friendship agreement.", "en"),
    ("Taipei signed a friendship agreement with Yeonsu-gu, Incheon, in 2019.", "en"),
    ("臺北市與韓國仁川廣域市延壽區簽署友好交流協議。", "zh"),
])
def test_a_korean_district_is_the_party_and_its_metropolitan_city_only_locates_it(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert {(m.a.name, m.b.name, m.b.country, m.b.level.value, m.b.admin1) for m in found} == {
        ("Taipei", "Yeonsu District", "KR", "district", "Incheon")}


@pytest.mark.parametrize("text, lang", [
    ("Penghu County signed a sister island agreement with Airai State of Palau.", "en"),
    ("澎湖縣與帛琉艾拉伊州締結姊妹島。", "zh"),
])
def test_a_palau_state_is_the_party_and_the_state_of_palau_is_the_nation(nlp, text, lang):
    found = run(nlp, text, lang=lang)
    assert {(m.a.name, m.b.name, m.b.country, m.relation.value) for m in found} == {
        ("Penghu", "Airai", "PW", "sister")}


def test_a_list_of_cities_of_their_states_keeps_every_item_and_its_year(nlp):
    found = run(nlp, "Taichung has established sister city relationships with Winnipeg of Canada (1984), "
                     "Sacramento of California (1989), Tacoma of Washington (1990), and Reno of Nevada (2003).")
    assert {(m.b.name, m.b.admin1, m.date.value.year if m.date else None) for m in found} == {
        ("Winnipeg", "Manitoba", 1984), ("Sacramento", "California", 1989), ("Tacoma", "Washington", 1990),
        ("Reno", "Nevada", 2003)}


@pytest.mark.parametrize("text, partner, division", [
    ("Pingtung County signed a sister county agreement with Fulton County of Georgia.", "Fulton County", "Georgia"),
    ("The county government said Nantou and Makinohara of Shizuoka signed a tea-industry exchange pact.",
     "Makinohara", "Shizuoka"),
])
def test_a_division_written_after_of_places_the_partner_and_is_no_party(nlp, text, partner, division):
    assert {(m.b.name, m.b.admin1) for m in run(nlp, text)} == {(partner, division)}


@pytest.mark.parametrize("text, lang, founded, kept", [
    ("那覇市は台湾の宜蘭県と1985年に友好都市を締結し、2015年には30周年を迎えた。", "ja", 1985, 2015),
    ("Taipei and Houston, sister cities since 1961, marked the 60th anniversary in 2021.", "en", 1961, 2021),
])
def test_two_dates_an_anniversary_apart_are_the_founding_and_the_anniversary(nlp, text, lang, founded, kept):
    found = run(nlp, text, lang=lang)
    assert {(m.event.value, m.date.value.year) for m in found} == {("established", founded), ("renewed", kept)}


def test_a_chinese_signing_still_to_come_is_proposed(nlp):
    [found] = run(nlp, "台南市政府與金澤市將於下月簽署友好交流協定。", lang="zh")
    assert (found.a.name, found.b.name, found.event.value) == ("Tainan", "Kanazawa", "proposed")


def test_sister_counties_and_years_reached_in_chinese(nlp):
    import datetime as dt

    [found] = run(nlp, "花蓮縣與美國加州聖塔克拉拉郡締結姊妹郡縣已屆10年。", lang="zh", published=dt.date(2025, 10, 2))
    assert (found.b.name, found.relation.value, found.date.value.year) == ("Santa Clara County", "sister", 2015)


def test_a_unit_word_glued_to_the_name_still_finds_the_city(nlp):
    found = run(nlp, "Hsinchu City signed a friendship agreement with BellevueCity of Washington State in 2011.")
    assert {(m.b.name, m.b.admin1) for m in found} == {("Bellevue", "Washington")}


def test_korean_provinces_by_their_chinese_names(nlp):
    found = run(nlp, "澎湖縣與韓國濟州特別自治道締結友好關係。", lang="zh")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Penghu", "Jeju Province", "KR")}


def test_a_treaty_named_after_two_countries_is_no_tie_of_the_places_around_it():
    assert relations_in("Fishermen of Okinawa and Yilan have been at odds since the Taiwan-Japan Fisheries Agreement.") == []
    assert relations_in("宜蘭與沖繩漁民自台日漁業協議生效後即有爭議。") == []
    # A tie's own name, or a country pair written before a tie in lower case, still counts.
    assert relations_in("They signed the Taipei-Houston Sister City Agreement.") != []
    assert relations_in("the Taiwan-Japan sister city agreement between Kaohsiung and Kumamoto") != []


def test_cities_in_a_relative_clause_about_one_side_do_not_stand_between_it_and_its_new_partner(nlp):
    found = run(nlp, "Taichung, which already has friendship agreements with Sendai and Osaka, signed a new one "
                     "with Kumamoto City on Monday.")
    assert {m.b.name for m in found if m.confidence >= 0.5} == {"Sendai", "Osaka", "Kumamoto"}
    # Without the aside, a city between the two is the nearer clause's partner.
    found = run(nlp, "Shanghai cut its ties with Prague after Prague signed a sister city agreement with Taipei.")
    assert ("Taipei", "Shanghai") not in {(m.a.name, m.b.name) for m in found if m.confidence >= 0.5}


def test_places_after_another_governments_with_are_its_partners_not_each_others(nlp):
    found = run(nlp, "Milpitas maintains sister city relationships with Dujiangyan, China, and Huizhou, China, and a "
                     "friendship city relationship with Hsinchu City, Taiwan, established in 2012.")
    tw_pairs = {(m.a.name, m.b.name) for m in found if m.confidence >= 0.5 and "TW" in (m.a.country, m.b.country)}
    assert ("Hsinchu City", "Dujiangyan") not in tw_pairs and ("Hsinchu City", "Huizhou") not in tw_pairs


def test_the_city_of_a_known_name_is_not_made_a_town_of_the_one_country_the_page_names(nlp):
    found = run(nlp, "The City of Lakewood and Hsinchu County signed a friendship agreement in 2019. "
                     "Lakewood is also a sister city of Sasebo, Japan.")
    assert {(m.a.name, m.b.name, m.b.country) for m in found if m.a.country == "TW"} == {
        ("Hsinchu County", "Lakewood", "US")}


def test_a_city_the_model_missed_joined_to_a_taiwanese_side_is_found_without_its_country(nlp):
    found = run(nlp, "The meeting discussed cooperative exchange between Taitung and Iga as stipulated in an MOU "
                     "signed in January.")
    assert {(m.a.name, m.b.name, m.b.country) for m in found} == {("Taitung", "Iga", "JP")}


def test_a_name_before_governor_is_the_prefecture(nlp):
    found = run(nlp, "Miyazaki Governor Shunji Kono and Hsinchu County Magistrate Yang Wen-ke signed a friendship "
                     "exchange agreement.")
    assert {(m.b.name, m.b.level.value) for m in found} == {("Miyazaki", "prefecture")}


def test_a_city_named_on_its_own_as_well_as_before_its_district_is_a_party_too(nlp):
    found = run(nlp, "加賀市は2014年7月に台南市と友好都市、高雄市と観光交流都市、高雄市鼓山区と友好交流都市の各協定を結んだ。",
                lang="ja")
    # (every pair the text states is output; the 'tourism exchange city' one at a low confidence, about 0.5)
    assert {m.a.name for m in found} == {"Tainan", "Kaohsiung", "Gushan"}
    # only written before its district, it only locates it
    found = run(nlp, "台中市西屯區公所與美國霍博肯市簽署姊妹市協定，台中市旗首度亮相。", lang="zh")
    assert {m.a.name for m in found if m.confidence >= 0.5} == {"Xitun"}


def test_a_district_several_korean_cities_share_is_read_with_its_city(nlp):
    found = run(nlp, "Busan's Dong District and Kaohsiung's Gushan District signed a friendship agreement in 2012. "
                     "Seo District of Daegu and Taichung's West District signed a friendship agreement.")
    assert {(m.a.name, m.b.name, m.b.admin1) for m in found if m.confidence >= 0.5} == {
        ("Gushan", "Dong District", "Busan"), ("West District", "Seo District", "Daegu")}
    # without its city, a shared name is no place
    from extractors.gazetteer.index import load_gazetteer
    from models.settings import load_settings

    table = load_gazetteer(load_settings().cache_dir).table
    assert table.english("Seo District", "KR") is None and table.english_in("Seo District", "Daegu") is not None


@pytest.mark.parametrize("text, party, level", [
    # the council written before its city, with the state between
    ("The City Council of Lakewood, Colorado, voted on Monday to establish a sister city relationship with "
     "Sanchong District of New Taipei City.", "Lakewood", "city"),
    # a county's council is the county's, not the state's of the same name
    ("The Hawaii County Council approved a sister relationship with Hsinchu County in 2008.", "Hawaii County", "county"),
])
def test_a_council_approving_a_tie_stands_for_its_own_government(nlp, text, party, level):
    found = run(nlp, text)
    assert {(m.b.name, m.b.level.value) for m in found} == {(party, level)}


def test_a_council_that_approves_nothing_is_still_an_organisation(nlp):
    assert run(nlp, "The City Council of Lakewood met the Taichung City Government delegation.") == []


def test_the_object_of_a_tie_is_a_government_even_where_the_model_reads_an_organisation(nlp):
    found = run(nlp, "Chiayi City has ended its sister-city relationship with Chapel Hill after 20 years.")
    assert {(m.a.name, m.b.name, m.b.country, m.event.value) for m in found} == {
        ("Chiayi City", "Chapel Hill", "US", "terminated")}
    assert run(nlp, "Taoyuan signed a cooperation agreement with Acme Holdings on Friday.") == []


def test_a_small_town_after_its_prefecture_in_the_possessive_is_that_town(nlp):
    found = run(nlp, "Hualien County and Okinawa's Yonaguni Town celebrated the 40th anniversary of their sister "
                     "relationship.")
    assert {(m.a.name, m.b.name, m.b.admin1) for m in found} == {("Hualien", "Yonaguni", "Okinawa")}


def test_a_town_written_before_of_and_its_prefecture_is_the_party(nlp):
    found = run(nlp, "Chiayi County signed an MOU with Kawaguchiko Town of Yamanashi Prefecture in April.")
    assert {(m.b.name, m.b.admin1) for m in found} == {("Kawaguchiko", "Yamanashi")}
    # 'the City of' still names the city after it
    found = run(nlp, "Hsinchu County signed an agreement with the City of Cebu.")
    assert {m.b.name for m in found} == {"Cebu City"}
