"""Stories and pages written here for the eighteenth round: words a scraped
page glued together ('Ishigaki City ofOkinawa', 'KelownaCity'), ..."""

from __future__ import annotations

import datetime as dt

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
