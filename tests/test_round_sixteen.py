"""Pages and stories written here for the sixteenth round: a US state or
Canadian province that shares its name with a foreign town, a council's vote
'last night', a signing still to come, and what else those pages taught."""

from __future__ import annotations

import datetime as dt

from conftest import partners, run


# ---------------------------------------------------------------- a federation's state before a foreign town

def test_a_us_state_is_not_the_foreign_town_of_its_name(gazetteer):
    assert [(p.country, p.level.value) for p in gazetteer.foreign_lookup("Virginia")[:1]] == [("US", "state")]
    assert gazetteer.foreign_lookup("Maryland")[0].id == "iso:US-MD"  # (not Liberia's county)
    assert gazetteer.foreign_lookup("Montana")[0].id == "iso:US-MT"  # (not Bulgaria's province)
    assert gazetteer.foreign_lookup("Ontario")[0].id == "iso:CA-ON"  # (not the Californian city)


def test_elsewhere_a_foreign_city_still_wins_over_a_small_countrys_division(gazetteer):
    # Jamaica's parishes of Portland and Manchester are no match for the cities.
    assert gazetteer.foreign_lookup("Portland")[0].country == "US"
    assert gazetteer.foreign_lookup("Manchester")[0].country == "GB"
    # ... and a state's own big city still comes first.
    assert gazetteer.foreign_lookup("Hiroshima")[0].level.value == "city"
    assert gazetteer.foreign_lookup("New York")[0].level.value == "city"


def test_the_capital_of_a_state_is_located_by_it_not_paired_with_it(nlp):
    text = ("Mayor Lu Shiow-yen on Monday welcomed a delegation led by Richmond Mayor Levar Stoney. "
            "Richmond, the capital of Virginia, has been Taichung's sister city since 2013.")
    got = partners(run(nlp, text))
    assert got == {"Richmond": ("Taichung", "US", "sister", "established", "2013")}


# ---------------------------------------------------------------- when a proposal was made

def test_last_night_is_the_day_before_publication(nlp):
    text = ("The City of Perth council last night voted to formalise a sister city relationship with Kaohsiung, "
            "Taiwan's second-largest city. The agreement is expected to be signed when a delegation from Kaohsiung "
            "visits in October.")
    got = partners(run(nlp, text, published=dt.date(2016, 6, 14)))
    assert got["Perth"] == ("Kaohsiung", "AU", "sister", "proposed", "2016-06-13")


def test_a_proposal_signed_later_keeps_its_planned_month(nlp):
    text = ("Chiayi County's council approved a plan to seek friendship ties with Kaga in Ishikawa. "
            "The agreement is expected to be signed when a delegation visits in October.")
    got = partners(run(nlp, text, published=dt.date(2016, 6, 14)))
    assert got["Kaga"][3:] == ("proposed", "2016-10")  # (not the October before the story)


def test_a_month_after_expected_to_be_signed_is_the_next_one():
    from extractors.dates import find_dates

    [found] = find_dates("The pact is expected to be signed in March.", dt.date(2016, 6, 14))
    assert found.date.iso() == "2017-03"
    [past] = find_dates("The mayors will mark the pact signed in March.", dt.date(2016, 6, 14))
    assert past.date.iso() == "2016-03"


# ---------------------------------------------------------------- a council weighing a tie; a year of a tie marked

def test_a_city_council_discussing_a_proposal_proposes_for_its_city(nlp):
    text = ("The Kent City Council on Tuesday discussed a proposal to establish a sister city relationship with "
            "Yangmei District in Taoyuan. Kent, Washington, currently has sister cities in Kherson, Ukraine.")
    got = partners(run(nlp, text, published=dt.date(2015, 8, 20)))
    assert got["Kent"] == ("Yangmei", "US", "sister", "proposed", "2015-08-18")


def test_marking_the_third_year_of_a_memorandum_renews_it_and_its_signing_dates_the_founding(nlp):
    text = ("Taoyuan Mayor Cheng Wen-tsan and the mayor of Bandung held a video conference on Friday to mark the "
            "third year of their cities' memorandum of understanding on smart city cooperation, signed in 2018.")
    found = run(nlp, text, published=dt.date(2021, 11, 20))
    assert {(m.event.value, m.date.iso()) for m in found if m.b.name == "Bandung"} == {
        ("renewed", "2021-11-19"), ("established", "2018")}


def test_what_the_signed_document_covers_gives_the_ties_themes(nlp):
    text = ("Taitung County and the Commonwealth of the Northern Mariana Islands signed a friendship agreement "
            "yesterday at the Governor's office on Capital Hill. Gov. Ralph Torres and Taitung County Magistrate "
            "Justin Huang signed the document, which covers tourism, agriculture and education.")
    [m] = [m for m in run(nlp, text, published=dt.date(2018, 4, 12)) if m.b.name == "Northern Mariana Islands"]
    assert {t.value for t in m.themes} == {"tourism", "agriculture_food", "education_youth"}


# ---------------------------------------------------------------- 'the county', 'the Missouri city'

def test_the_county_opening_a_sentence_is_the_county_named_before_not_the_city_it_pairs_with(nlp):
    text = ("Kaohsiung Mayor Chen Chi-mai received a delegation from Miami-Dade County on Friday. "
            "The county and Kaohsiung have been sister cities since 2010.")
    got = partners(run(nlp, text, published=dt.date(2024, 11, 2)))
    assert got["Miami-Dade County"] == ("Kaohsiung", "US", "sister", "established", "2010")


def test_the_missouri_city_is_the_missouri_city_named_before_not_the_state(nlp):
    text = ("Kansas City, Missouri, last week hosted Taichung Mayor Jason Hu, who signed an agreement to make "
            "Taichung a sister city of Kansas City, Kansas. The Missouri city already counts Tainan among its "
            "sister cities, having signed a pact in 2009.")
    found = run(nlp, text, published=dt.date(2012, 6, 5))
    assert not any(m.b.name == "Missouri" for m in found)
    tainan = [m for m in found if m.a.name == "Tainan"]
    assert [(m.b.name, m.b.admin1, m.date.iso()) for m in tainan] == [("Kansas City", "Missouri", "2009")]


def test_a_state_described_as_a_city_with_no_city_of_it_before_is_no_party(nlp):
    text = "The Oregon city has been a sister city of Hualien County since 1985."
    assert not any(m.b.name == "Oregon" for m in run(nlp, text))


# ---------------------------------------------------------------- lists on a government's page

def test_list_items_sharing_a_year_each_keep_it(nlp):
    text = ("Kaohsiung has sister city relationships with 22 cities, including: Seattle, Washington (1991); "
            "Miami-Dade County, Florida (2010); Portland, Oregon (1988); Pohang, Korea (1981); Yatsushiro, Japan "
            "(2017); Brisbane, Australia (1997); Saint Paul, Minnesota (2003); Surabaya, Indonesia (1997).")
    got = partners(run(nlp, text))
    assert got["Surabaya"][4] == "1997" and got["Brisbane"][4] == "1997" and got["Seattle"][4] == "1991"


def test_an_undated_line_of_a_place_and_its_country_under_a_heading_is_a_row_of_the_page_owner(nlp):
    text = ("City of Fresno\nSister Cities\n"
            "The City of Fresno has formal Sister City relationships with the following cities:\n"
            "Kochi, Japan - 1965\nTaichung, Taiwan - 1984\nVerona, Italy - 1989\n"
            "Friendship Cities\nHsinchu County, Taiwan\nZapopan, Mexico\n"
            "Contact the Mayor's Office at (559) 621-8000.\n")
    found = run(nlp, text, title="Sister Cities | City of Fresno", url="https://www.fresno.gov/mayor/sister-cities/")
    got = {(m.a.name, m.b.name, m.relation.value, m.date.iso() if m.date else None) for m in found
           if m.a.country == "TW"}
    assert got == {("Taichung", "Fresno", "sister", "1984"), ("Hsinchu County", "Fresno", "friendship", None)}


# ---------------------------------------------------------------- theme words the labelled corpus taught

def test_local_specialities_and_start_ups_are_trade_and_relief_is_disaster_resilience():
    from extractors.themes import themes_of

    assert [t.value for t in themes_of("地域の特産品を販売する")] == ["economy_trade"]
    assert [t.value for t in themes_of("推廣兩地特產")] == ["economy_trade"]
    assert [t.value for t in themes_of("「起業支援交流覚書」を締結")] == ["economy_trade"]
    assert [t.value for t in themes_of("必要時人道救援")] == ["disaster_resilience"]


# ---------------------------------------------------------------- two clauses, two ties

def test_a_foreign_citys_own_tie_in_one_clause_is_not_the_taiwanese_citys_in_the_next(nlp):
    text = ("Sendai and Tainan, which became friendship cities in 2006, on Wednesday agreed to expand exchanges in "
            "tourism. Sendai is also a sister city of Riverside, California, and Tainan has sister ties with "
            "Columbus, Georgia.")
    got = partners(run(nlp, text, published=dt.date(2021, 2, 18)))
    assert "Riverside" not in got
    assert got["Columbus"][:3] == ("Tainan", "US", "sister") and got["Sendai"][2:] == ("friendship", "established", "2006")


# ---------------------------------------------------------------- a county's own page

FAIRFAX = ("Fairfax County Board of Supervisors Chairman Jeff McKay welcomed a delegation from Yilan County, Taiwan, "
           "on Tuesday. Yilan has been one of the county's sister jurisdictions since 1992. The county also maintains "
           "sister relationships with Songpa-gu in Seoul and Harbin in China.")


def test_a_countys_site_is_its_own(gazetteer):
    from extractors.page_owner import page_owner

    assert page_owner("https://www.fairfaxcounty.gov/news/yilan", gazetteer).name == "Fairfax County"
    assert page_owner("https://kingcounty.gov/council", gazetteer).admin1 == "Washington"  # (Taiwan's partner)


def test_the_countys_sister_jurisdiction_is_a_tie_with_the_county_named_before(nlp):
    got = partners(run(nlp, FAIRFAX, published=dt.date(2023, 3, 15)))
    assert got["Fairfax County"] == ("Yilan", "US", "sister", "established", "1992")


def test_the_county_on_its_own_page_is_the_page_owner_not_its_taiwanese_partner(nlp):
    got = partners(run(nlp, FAIRFAX, published=dt.date(2023, 3, 15), url="https://www.fairfaxcounty.gov/news/yilan"))
    assert set(got) == {"Fairfax County"}


def test_places_a_trip_also_took_the_mayor_to_are_no_partners(nlp):
    text = ("Kauai County has signed a sister city agreement with Taitung County, the Mayor's Office announced "
            "Tuesday. Mayor Bernard Carvalho Jr. signed the agreement in Taitung last week during a trip that also "
            "took him to Taipei and Taoyuan.")
    got = {m.a.name for m in run(nlp, text, published=dt.date(2018, 9, 5)) if m.b.name == "Kauai County"}
    assert got == {"Taitung"}


# ---------------------------------------------------------------- a province's agreement; a relative clause's date

def test_a_sister_province_agreement_between_a_bare_name_and_a_county_is_the_provinces(nlp):
    text = ("The Cebu Provincial Board approved yesterday a resolution supporting the sister province agreement "
            "between Cebu and Pingtung County. Cebu City, meanwhile, has been a sister city of Taichung since 2016.")
    found = {(m.a.name, m.b.name, m.b.level.value) for m in run(nlp, text, published=dt.date(2015, 10, 2))}
    assert ("Pingtung", "Cebu", "province") in found and ("Taichung", "Cebu City", "city") in found


def test_a_date_in_a_relative_clause_dates_only_the_place_before_it(nlp):
    text = ("Trenas said Iloilo City already has sister city ties with Tainan, which were signed in 2012, and with "
            "Hsinchu City.")
    dates = {m.a.name: m.date.iso() if m.date else None for m in run(nlp, text) if m.b.name == "Iloilo"}
    assert dates == {"Tainan": "2012", "Hsinchu City": None}


# ---------------------------------------------------------------- 'also' tells of another tie

def test_a_partner_that_also_signed_with_another_taiwanese_city_lends_that_sentence_no_rival(nlp):
    from extractors.pipeline import candidates
    from models.records import DocumentInput

    text = ("新竹縣長楊文科18日與日本宮崎縣知事河野俊嗣視訊續簽友好交流協定，雙方自2017年簽署協定以來，在農業技術、觀光及青少年"
            "交流等方面合作密切。宮崎縣去年也與台中市簽署觀光交流備忘錄。")
    [(_, found, _)] = candidates(nlp, [DocumentInput(key="t", text=text, lang="zh", published=dt.date(2022, 11, 18))])
    last = text.index("宮崎縣去年")
    # (the last sentence is Taichung's tie: Hsinchu County, named before, is no candidate side in it)
    assert {m.a.name for c in found for m in c.mentions if m.evidence.start >= last} == {"Taichung"}


# ---------------------------------------------------------------- where a trip goes; 'with the state'

def test_a_city_a_coming_trip_will_also_take_the_mayor_to_is_no_partner(nlp):
    text = ("Taichung Mayor Lu Shiow-yen arrived in Boston on Tuesday, the first stop of a 10-day trip to the US that "
            "will also take her to New York and to Taichung's sister city Sacramento.")
    got = partners(run(nlp, text, published=dt.date(2023, 7, 12)))
    assert "New York City" not in got and got["Sacramento"][:3] == ("Taichung", "US", "sister")


def test_with_the_state_is_the_state_whose_governor_was_met_not_the_city_of_the_meeting(nlp):
    text = ("In Boston, Taichung Mayor Lu Shiow-yen met Massachusetts Governor Maura Healey and signed a "
            "memorandum of understanding with the state on green energy.")
    got = partners(run(nlp, text, published=dt.date(2023, 7, 12)))
    assert set(got) == {"Massachusetts"} and got["Massachusetts"][2:4] == ("mou", "established")


# ---------------------------------------------------------------- a directory's table

def test_a_state_column_after_a_city_only_locates_it_even_where_its_name_is_a_city_too(nlp):
    text = ("Find a sister city\nUS City | State | Partner City | Country | Year\n"
            "Phoenix | Arizona | Taipei | Taiwan | 1979\nSeattle | Washington | Kaohsiung | Taiwan | 1991\n")
    got = {(m.a.name, m.b.name, m.b.admin1, m.date.iso()) for m in run(nlp, text) if m.a.country == "TW"}
    assert got == {("Taipei", "Phoenix", "Arizona", "1979"), ("Kaohsiung", "Seattle", "Washington", "1991")}


def test_a_tables_heading_words_are_no_places(nlp):
    from extractors.place_cues import not_a_place

    for heading in ("US City", "Partner City", "Sister City", "Host County"):
        assert not_a_place(heading, 0, len(heading))


def test_pairs_joined_by_yu_in_a_chinese_enumeration_are_pairs_not_one_list():
    from extractors.pair_structure import list_chains
    from extractors.places import PlaceSpan
    from models.records import Level, Place

    text = "包括艾拉伊州與台南市、梅萊凱奧克州與宜蘭縣。"

    def span(name: str, country: str) -> PlaceSpan:
        start = text.index(name)
        return PlaceSpan(start, start + len(name), name, "foreign" if country != "TW" else "taiwan",
                         place=Place(id=name, name=name, country=country, level=Level.CITY))
    sides = [span("艾拉伊州", "PW"), span("台南市", "TW"), span("梅萊凱奧克州", "PW"), span("宜蘭縣", "TW")]
    chains = list_chains(text, sides)
    assert len({chains[id(s)] for s in sides}) == 3  # (no list of three or more: each 與 joins a pair)


TAOYUAN_LIST = ("Taoyuan City currently has 33 sister and friendship cities. Sister cities: Boise City, Idaho, USA "
                "(signed 1988); Oklahoma City, USA (1989). Friendship cities: Narita, Japan (2016); Chiba Prefecture, "
                "Japan (2016).")


def test_a_prefecture_listed_as_an_item_of_its_own_is_a_party_beside_a_city_it_holds(nlp):
    got = partners(run(nlp, TAOYUAN_LIST))
    assert got["Chiba"][2:] == ("friendship", "established", "2016") and got["Narita"][2:] == (
        "friendship", "established", "2016")


def test_a_list_after_its_heading_belongs_to_the_government_the_sentence_before_names(nlp):
    got = partners(run(nlp, TAOYUAN_LIST))
    assert {(b, t[0], t[4]) for b, t in got.items()} == {
        ("Boise", "Taoyuan", "1988"),  # ('(signed 1988)': the item's own date)
        ("Oklahoma City", "Taoyuan", "1989"), ("Narita", "Taoyuan", "2016"), ("Chiba", "Taoyuan", "2016")}
    assert not any(m.a.country == m.b.country for m in run(nlp, TAOYUAN_LIST))  # (no Boise-Oklahoma City tie)


def test_renewable_energy_renews_no_tie(nlp):
    text = ("Yeh said that Kaohsiung and Saint Paul, the capital of Minnesota, have been sister cities since 2003, "
            "and that the city looks forward to cooperation with the state in renewable energy and agriculture.")
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text) if m.b.name == "Saint Paul"}
    assert got == {("established", "2003")}


def test_urban_renewal_renews_no_tie():
    from extractors.lexicon import event_of

    assert event_of("The two cities will cooperate in urban renewal and housing.")[1] is False
    assert event_of("Taipei and Houston renewed their sister city agreement.")[0].value == "renewed"


def test_a_visit_or_forum_that_ended_ends_no_tie_but_a_tie_that_ended_does():
    from extractors.lexicon import event_of

    assert event_of("The visit ended with a banquet at which Kaohsiung and Busan, sister cities since 1966, "
                    "exchanged gifts.")[0].value == "established"
    assert event_of("The forum, which ends on Friday, was attended by the mayors of Taipei and its sister city "
                    "Houston.")[0].value == "established"
    for ending in ("Prague ended its sister city relationship with Beijing in 2019.", "Shanghai ended ties with Prague.",
                   "The partnership between Shanghai and Prague was officially ended in January."):
        assert event_of(ending)[0].value == "terminated"


def test_a_meeting_suspended_or_a_trip_cancelled_ends_no_tie():
    from extractors.lexicon import event_of

    assert event_of("The mayor suspended the meeting after Taipei and Houston signed a sister city "
                    "agreement.")[0].value == "established"
    assert event_of("Ko cancelled his planned trip to Osaka, where he was to sign a sister city pact.")[0].value != \
        "terminated"
    assert event_of("Prague cancelled the partnership with Beijing.")[0].value == "terminated"
    assert event_of("Prague suspended its sister city agreement with Beijing.")[0].value == "terminated"


def test_a_trip_or_event_called_off_in_chinese_ends_no_tie():
    from extractors.lexicon import event_of

    assert event_of("市長因颱風取消赴日行程，台南市與仙台市為友好城市。")[0].value == "established"
    assert event_of("高雄市與釜山市自1966年締結姊妹市，今年活動因疫情取消。")[0].value == "established"
    assert event_of("布拉格取消與北京的姊妹市關係。")[0].value == "terminated"
    assert event_of("布拉格市議會決議終止與北京的姊妹市協議。")[0].value == "terminated"


def test_the_twin_cities_name_two_cities_and_state_no_tie(nlp):
    text = ("The Twin Cities of Minneapolis and St. Paul welcomed Taiwanese officials from Taichung and Kaohsiung "
            "for a trade forum.")
    assert run(nlp, text) == []
    [m] = run(nlp, "Bellevue and Hualien County became twin cities in 1984.")
    assert m.relation.value == "sister" and m.date.iso() == "1984"


def test_a_citys_firms_are_no_party_in_chinese_or_japanese(nlp):
    assert run(nlp, "台中市の企業と熊本市の企業が業務提携を結んだ。", lang="ja") == []
    assert run(nlp, "台中市的企業與熊本市的企業簽署合作備忘錄。", lang="zh") == []
    [m] = run(nlp, "台中市と熊本市が友好交流協定を結んだ。熊本市の市長が出席した。", lang="ja")
    assert (m.b.name, m.relation.value) == ("Kumamoto", "friendship")


def test_the_ends_of_a_route_are_no_parties_to_the_agreement_that_opens_it(nlp):
    text = ("China Airlines will open a route between Kaohsiung and Ho Chi Minh City under an agreement signed "
            "in Hanoi.")
    assert run(nlp, text) == []
    text = ("The sister city agreement between Kaohsiung and Miami was signed in 2010, and flights between Taipei "
            "and Miami began in 2019.")
    assert {(m.a.name, m.b.name) for m in run(nlp, text)} == {("Kaohsiung", "Miami")}


def test_the_ends_of_a_route_in_chinese_or_japanese_are_no_parties(nlp):
    assert run(nlp, "華航將開闢高雄至胡志明市航線，雙方簽署合作協議。", lang="zh") == []
    assert run(nlp, "台北と仙台を結ぶ定期便の就航に向け、両社が協定を結んだ。", lang="ja") == []
    [m] = run(nlp, "台南市與仙台市締結友好城市後開通直航。", lang="zh")
    assert (m.a.name, m.b.name, m.relation.value) == ("Tainan", "Sendai", "friendship")


def test_the_partner_city_of_a_fair_has_no_tie_with_the_fairs_city(nlp):
    assert run(nlp, "Taipei will be the partner city of the Berlin travel fair next year.") == []
    [m] = run(nlp, "At the Taipei flower expo, Taipei and Nagoya signed a friendship agreement.")
    assert (m.a.name, m.b.name, m.relation.value) == ("Taipei", "Nagoya", "friendship")


def test_a_firms_branches_named_after_two_cities_are_no_parties(nlp):
    assert run(nlp, "The New Taipei and Osaka branches of the bank signed a cooperation agreement.") == []


def test_a_monument_named_for_a_tie_states_no_tie_of_the_places_around_it(nlp):
    text = "Born in Tainan, the architect studied in Kyoto before designing the sister city monument in Columbus."
    assert run(nlp, text) == []
    [m] = run(nlp, "Tainan and Columbus became sister cities in 1983.")
    assert (m.b.name, m.date.iso()) == ("Columbus", "1983")


def test_a_second_predicate_with_its_own_tie_pairs_its_object_with_the_subject(nlp):
    text = ("Tainan Mayor Huang Wei-cher returned from a five-day visit to Japan yesterday, during which he signed a "
            "friendship agreement with Kagoshima Prefecture and renewed a memorandum with Kanazawa.")
    got = partners(run(nlp, text, published=dt.date(2024, 10, 15)))
    assert got["Kanazawa"][:4] == ("Tainan", "JP", "mou", "renewed")
    assert got["Kagoshima"][:4] == ("Tainan", "JP", "friendship", "established")


def test_a_tokyo_special_ward_is_the_place_not_tokyo(nlp):
    text = "Taipei's Zhongshan District signed a friendship agreement with Tokyo's Shibuya Ward on Monday."
    got = {(m.a.name, m.b.name, m.b.admin1) for m in run(nlp, text)}
    assert got == {("Zhongshan", "Shibuya", "Tokyo")}


def test_a_new_memorandum_building_on_an_older_tie_gives_both_records(nlp):
    text = ("Sendai and Tainan on Monday signed a memorandum on disaster prevention cooperation, building on their "
            "friendship city agreement of 2006.")
    got = {(m.relation.value, m.event.value, m.date.iso()) for m in run(nlp, text, published=dt.date(2022, 4, 12))}
    assert got == {("mou", "established", "2022-04-11"), ("friendship", "established", "2006")}


def test_a_town_apposed_to_its_partners_sister_city_is_a_party(nlp):
    text = ("Yonaguni Town, Hualien City's sister city, sent relief supplies after a magnitude 6.4 earthquake struck "
            "Hualien on Tuesday night, killing 17 people.")
    got = partners(run(nlp, text, published=dt.date(2018, 2, 8)))
    assert got["Yonaguni"][:3] == ("Hualien City", "JP", "sister")


def test_the_anniversary_of_something_else_renews_no_tie(nlp):
    text = ("Keelung and Kure, sister cities since 2017, held a joint navy band concert on Wednesday to mark the 150th "
            "anniversary of Kure's naval base.")
    got = {(m.event.value, m.date.iso()) for m in run(nlp, text, published=dt.date(2023, 11, 30))}
    assert got == {("established", "2017")}


def test_a_ports_jubilee_in_chinese_neither_renews_nor_dates_the_tie(nlp):
    [m] = run(nlp, "高雄市與釜山市為姊妹市，今年適逢高雄建港110週年，釜山市長率團來訪祝賀。", lang="zh",
              published=dt.date(2019, 9, 10))
    assert (m.event.value, m.date) == ("established", None)
    found = run(nlp, "今年適逢台中市與沙加緬度市締結姊妹市30週年，雙方市長昨日視訊慶祝。", lang="zh",
                published=dt.date(2019, 9, 10))
    assert {(m.event.value, m.date.iso()) for m in found} == {("renewed", "2019-09-09"), ("established", "1989")}


def test_a_relationship_that_turned_20_this_year_is_renewed_and_was_founded_20_years_before(nlp):
    text = ("West Valley City's sister city relationship with Nantou City in Taiwan turned 20 this year, and a "
            "delegation of eight Nantou officials visited City Hall on Monday.")
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2016, 11, 8))}
    assert got == {("renewed", "2016"), ("established", "1996")}
