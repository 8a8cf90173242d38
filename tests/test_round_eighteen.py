"""Stories and pages written here for the eighteenth round: words a scraped
page glued together ('Ishigaki City ofOkinawa', 'KelownaCity'), a bare
national capital beside its namesake's country, departments and towns of
two words in lists of divisions, a founding written out against one
counted back, 'the two cities' as a sentence's subject, a foreign city's
list announced as 'listed below' or 'as follows', a Japanese upgrade told
after the signing, and a province's own government."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import partners, run

from extractors.glued_words import unglue
from extractors.pipeline import extract
from models.records import DocumentInput


# ---------------------------------------------------------------- glued words

def test_a_preposition_or_a_unit_glued_to_a_name_is_parted_by_a_space():
    got = unglue("Hakodate City ofHokkaido, KelownaCity inCanada")
    assert got.text == "Hakodate City of Hokkaido, Kelowna City in Canada"
    assert got.inserted == (16, 34, 42)


def test_names_with_a_short_lower_case_run_and_plain_words_stay_whole():
    for text in ("McAllen and LaSalle", "DeKalb County", "often Oftentimes", "Office ofthe Mayor", "inland"):
        assert unglue(text).text == text


def test_offsets_map_back_to_the_text_as_given():
    given = "Lahaina Town ofMaui County and Tempe City ofArizona"
    got = unglue(given)
    for word in ("Maui", "County", "Tempe", "Arizona"):
        at = got.text.index(word)
        assert given[got.original(at):got.original(at) + len(word)] == word
        assert got.moved(got.original(at)) == at


def test_a_glued_list_of_sister_cities_yields_every_partner_with_its_year(nlp):
    text = ("Since 1992, Taitung County has established sister relationships with Tulsa County ofOklahoma (1992), "
            "Lahaina Town ofMaui County (1996) and Ishigaki City ofOkinawa Prefecture (1999).")
    got = partners(run(nlp, text))
    assert got == {"Tulsa County": ("Taitung", "US", "sister", "established", "1992"),
                   "Lahaina": ("Taitung", "US", "sister", "established", "1996"),
                   "Ishigaki": ("Taitung", "JP", "sister", "established", "1999")}


def test_a_unit_glued_to_a_name_and_a_country_glued_to_in(nlp):
    text = ("Yilan County has established sister city relationships with Hakodate City ofHokkaido (1990) "
            "and KelownaCity of British Columbia inCanada (1998).")
    got = partners(run(nlp, text))
    assert got["Hakodate"][3:] == ("established", "1990")
    assert got["Kelowna"][1:] == ("CA", "sister", "established", "1998")


def test_evidence_offsets_point_into_the_text_as_given(nlp):
    text = ("The city hall opened in 1970.\nPingtung County formed sister county ties with Marion County "
            "ofOregon State (1987) and Kagoshima Prefecture inJapan (2003).")
    [result] = extract(nlp, [DocumentInput(key="k", text=text, published=dt.date(2024, 3, 25))])
    assert {m.b.name for m in result.mentions} >= {"Marion County", "Kagoshima"}
    for m in result.mentions:
        written = text[m.evidence.start:m.evidence.end]
        assert written.startswith("Pingtung County formed") and written.rstrip().endswith("inJapan (2003).")


# ---------------------------------------------------------------- a capital beside a namesake

def test_a_bare_capital_is_the_capital_though_the_page_names_the_namesakes_country(nlp):
    text = ("Taipei City and Wellington signed a memorandum of understanding on smart city cooperation on Tuesday. "
            "Taipei already has sister cities in the US such as Los Angeles, Cleveland and Houston.")
    got = partners(run(nlp, text, published=dt.date(2019, 5, 2)))
    assert got["Wellington"][1] == "NZ"
    assert got["Los Angeles"][1] == "US"


def test_a_namesake_the_text_locates_stays_the_namesake(nlp):
    text = ("Hsinchu City signed a sister city agreement with Wellington, Florida on Monday. The city also has "
            "ties with Cupertino in the United States.")
    assert partners(run(nlp, text, published=dt.date(2019, 5, 2)))["Wellington"][1] == "US"


# ---------------------------------------------------------------- long lists of divisions

def test_a_department_is_a_division_and_a_government_department_is_not(nlp):
    text = ("Taoyuan signed a sister agreement with Alto Parana Department of Paraguay in 2012, and Hsinchu County "
            "with Itapua Department in 2015. The Taoyuan Police Department and the State Department helped.")
    got = partners(run(nlp, text))
    assert got["Alto Paraná"] == ("Taoyuan", "PY", "sister", "established", "2012")
    assert got["Itapúa"][:2] == ("Hsinchu County", "PY")
    assert set(got) == {"Alto Paraná", "Itapúa"}


def test_items_located_in_the_republic_of_a_country_stay_one_list_with_their_years(nlp):
    text = ("Yunlin County has signed sister agreements with Cebu Province in the Republic of the Philippines (2002), "
            "Jeju Province of the Republic of Korea (2005) and Rivera Department in the Oriental Republic of "
            "Uruguay (2010).")
    got = partners(run(nlp, text))
    assert {k: v[1:] for k, v in got.items()} == {"Cebu": ("PH", "sister", "established", "2002"),
                                                  "Jeju Province": ("KR", "sister", "established", "2005"),
                                                  "Rivera": ("UY", "sister", "established", "2010")}


def test_a_long_locator_chain_keeps_the_items_year(nlp):
    text = ("Chiayi County has established sister relationships with Kent County of Delaware State in the United "
            "States of America (1991) and Stellenbosch Municipality of Western Cape Province in the Republic of "
            "South Africa (1999).")
    got = partners(run(nlp, text))
    assert got["Stellenbosch"][1:] == ("ZA", "sister", "established", "1999")
    assert got["Kent County"][4] == "1991"


def test_a_town_of_two_words_before_its_province_is_the_town_not_its_last_word(nlp):
    text = ("Since 1990, Chiayi City has established sister city relationships with Hakodate City of Hokkaido "
            "(1990) and Mossel Bay Municipality of Western Cape Province in the Republic of South Africa (1992).")
    got = partners(run(nlp, text))
    assert got["Mossel Bay"] == ("Chiayi City", "ZA", "sister", "established", "1992")
    assert "Bay" not in got and "Western Cape" not in got


def test_a_preposition_the_model_takes_into_a_name_is_left_out(nlp):
    text = ("Yilan City has established sister city relationships with Tempe City of Arizona State in the US "
            "(1983) and Knysna Municipality ofWestern Cape Province in the Republic of South Africa (1985).")
    got = partners(run(nlp, text))
    assert got["Knysna"] == ("Yilan City", "ZA", "sister", "established", "1985")
    assert "Western Cape" not in got


# ---------------------------------------------------------------- a founding written out beats one counted back

def test_a_founding_year_written_out_beats_one_counted_back_from_an_anniversary(nlp):
    text = ("与那国町は、台湾の花蓮市との姉妹都市提携40周年を記念し、来年度に記念式典を開催する方向で検討している。"
            "両市町は1982年に姉妹都市を結んだ。")
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2020, 12, 1),
                                                                         lang="ja") if m.b.name == "Yonaguni"}
    assert ("established", "1982") in got and ("established", "1981") not in got


def test_counted_back_knows_a_count_from_a_date():
    from extractors.anniversaries import counted_back
    from models.records import DatePrecision, EventDate

    def year(text: str) -> EventDate:
        return EventDate(value=dt.date(1990, 1, 1), precision=DatePrecision.YEAR, text=text)
    assert counted_back(year("30th anniversary of their sister city ties"))
    assert counted_back(year("40周年"))
    assert not counted_back(year("1990")) and not counted_back(year("in March 1990")) and not counted_back(year(""))


# ---------------------------------------------------------------- 'the two cities' as a sentence's subject

def test_the_two_cities_are_the_pair_named_before_not_a_place_a_clause_names_in_passing(nlp):
    text = ("Taichung and Sacramento celebrated the 30th anniversary of their sister city ties on Monday. "
            "The two cities became sister cities in 1990, when then-mayor Lin Po-jung visited California.")
    found = run(nlp, text, published=dt.date(2021, 6, 8))
    assert {m.b.name for m in found} == {"Sacramento"}
    assert {(m.event.value, m.date.iso()) for m in found} == {("renewed", "2021-06-07"), ("established", "1990")}


# ---------------------------------------------------------------- a foreign city's list 'listed below'

@pytest.mark.parametrize("text", [
    "Hachioji's sister cities are listed below: Jungnang District, Seoul (Korea, 1990), Taian (China, 2006), "
    "Kaohsiung (Taiwan, 2006).",
    # (announced in the sentence before: 'as follows.')
    "Hachioji's sister and friendship cities are as follows. Jungnang District, Seoul (Korea, 1990), "
    "Taian (China, 2006), Kaohsiung (Taiwan, 2006).",
])
def test_a_foreign_citys_announced_list_is_its_own(nlp, text):
    got = [(m.a.name, m.b.name, m.date.iso() if m.date else None) for m in run(nlp, text) if "TW" in (
        m.a.country, m.b.country)]
    assert got == [("Kaohsiung", "Hachiōji", "2006")]


def test_a_located_item_with_a_bracketed_note_stays_in_its_list(nlp):
    # ('Jungnang District, Seoul (Korea, 1990)': the city that locates it, then its note; Kaohsiung is no
    # partner of the items before it)
    text = ("Sister cities:\nJungnang District, Seoul (Korea, 1990), Taian (China, 2006), Kaohsiung (Taiwan, 2006), "
            "Kunming (China, 2008).")
    assert not [m for m in run(nlp, text, outlet="Tokyo Shimbun") if "TW" in (m.a.country, m.b.country)]


# ---------------------------------------------------------------- an upgrade told in the sentence after the signing

def test_a_japanese_upgrade_keeps_the_older_tie_made_and_renews_by_this_signing(nlp):
    text = ("熊本市は2月15日、台湾の高雄市と姉妹都市提携に関する協定を締結しました。"
            "両市は2017年から友好交流協定を結んでおり、今回の締結で関係を格上げしました。")
    got = {(m.relation.value, m.event.value, m.date.iso() if m.date else None)
           for m in run(nlp, text, published=dt.date(2024, 2, 15), lang="ja")}
    assert ("friendship", "established", "2017") in got and ("sister", "renewed", "2024-02-15") in got
    assert ("friendship", "renewed", "2017") not in got


# ---------------------------------------------------------------- a division's own government

def test_the_provincial_government_of_a_name_is_the_province(nlp):
    text = ("The Provincial Government of Cebu and the City Government of Taichung, Taiwan signed a friendship "
            "agreement on Tuesday to foster cooperation in tourism.")
    [found] = run(nlp, text, published=dt.date(2020, 10, 7))
    assert (found.b.name, found.b.level.value) == ("Cebu", "province")
    text = "Officials of the City Government of Cebu and the City Government of Taichung signed a friendship agreement."
    [found] = run(nlp, text, published=dt.date(2020, 10, 7))
    assert found.b.name == "Cebu City"
