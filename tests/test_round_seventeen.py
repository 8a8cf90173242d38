"""Stories written here for the seventeenth round: a mayor who 'co-hosted'
a signing, a trip made to sign, two leaders as one subject, a Japanese town
with its unit glued on, and an anniversary whose founding year is written
out beside it."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run

from extractors.anniversaries import founded_and_kept
from extractors.gazetteer.index import load_gazetteer
from extractors.gazetteer.names import glued_japanese_stem, written_as
from extractors.lexicon import event_of
from extractors.org_names import is_org
from models.records import DatePrecision, Event, EventDate
from models.settings import Settings


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(Settings().cache_dir)


def partners(found) -> dict[str, tuple]:
    """Foreign side -> (Taiwanese side, its country, relation, event, date)."""
    return {m.b.name: (m.a.name, m.b.country, m.relation.value, m.event.value, m.date.iso() if m.date else None)
            for m in found if m.a.country == "TW"}


# ---------------------------------------------------------------- 'co-hosted' is no company

def test_a_hyphened_verb_after_a_name_is_no_company_abbreviation():
    text = "Mayor Lynne Robinson of Bellevue co-hosted a virtual signing ceremony."
    at = text.index("Bellevue")
    assert not is_org(text, at, at + len("Bellevue"))
    text = "Shares of Bellevue Co. rose."
    at = text.index("Bellevue")
    assert is_org(text, at, at + len("Bellevue"))  # ('Co.' still makes a company)


def test_a_city_whose_mayor_co_hosted_the_signing_is_a_party(nlp):
    text = ("Mayor Lin Chih-chien of Hsinchu City and Mayor Lynne Robinson of Bellevue co-hosted a virtual "
            "friendship agreement signing ceremony on May 11.")
    got = partners(run(nlp, text, published=dt.date(2021, 5, 12)))
    assert got["Bellevue"] == ("Hsinchu City", "US", "friendship", "established", "2021-05-11")


# ---------------------------------------------------------------- a trip made to sign

@pytest.mark.parametrize("text", [
    "Magistrate Hsu traveled to Sendai on July 18 to sign a friendship city agreement with Hualien County.",
    "Mayor Lu met the two mayors in the Netherlands to sign an MOU on smart cities.",
    "She thanked Mayor Joo for travelling from South Korea to sign this exchange agreement.",
])
def test_a_trip_made_to_sign_tells_of_a_signing_done(text):
    assert event_of(text)[0] is Event.ESTABLISHED


@pytest.mark.parametrize("text", [
    "Magistrate Hsu will travel to Sendai on July 18 to sign a friendship city agreement.",
    "Magistrate Hsu plans to visit Sendai next month to sign a friendship city agreement.",
    "The mayor visited Sendai last year and hopes to sign a friendship city agreement.",
])
def test_a_trip_still_to_come_plans_the_signing(text):
    assert event_of(text)[0] is Event.PROPOSED


def test_the_day_of_the_trip_dates_the_signing(nlp):
    text = ("Hualien County Magistrate Hsu traveled to Sendai on July 18 to sign a friendship city agreement "
            "with Sendai Mayor Kori Kazuko.")
    got = partners(run(nlp, text, published=dt.date(2022, 7, 21)))
    assert got["Sendai"] == ("Hualien", "JP", "friendship", "established", "2022-07-18")


# ---------------------------------------------------------------- two leaders, one subject

def test_two_leaders_joined_by_and_are_one_subject_not_a_new_clause(nlp):
    text = ("The office said that in 2015 former Taichung Mayor Lin Chia-lung and Governor Ishii signed a "
            "memorandum to strengthen tourism cooperation with Toyama Prefecture.")
    got = partners(run(nlp, text, published=dt.date(2021, 4, 13)))
    assert got["Toyama"][3:] == ("established", "2015")


def test_a_clause_after_a_predicate_still_keeps_its_own_undated_tie(nlp):
    text = ("Aomori and Taichung signed a friendship agreement in 2017, and Taichung later signed a cooperation "
            "agreement with Tottori Prefecture.")
    got = partners(run(nlp, text))
    assert got["Aomori"][4] == "2017"
    assert got["Tottori"][4] is None


# ---------------------------------------------------------------- 'Omamachi': a town with its unit glued on

def test_a_glued_japanese_unit_is_read_off_the_name(gazetteer):
    assert glued_japanese_stem("Omamachi") == "Oma"
    assert glued_japanese_stem("Yomitanson") == "Yomitan"
    assert glued_japanese_stem("Machi") is None
    assert gazetteer.foreign_lookup("Poncho") == []  # (a stem only reaches Japanese places, and 'Pon' is none)
    assert written_as("Ōma", "Omamachi") and not written_as("Ōmachi", "Omamachi")
    [oma] = gazetteer.foreign_lookup("Omamachi")[:1]
    assert (oma.country, oma.admin1) == ("JP", "Aomori")
    # A name that is a place as written keeps its own match ('Omachi' is Ōmachi, not 'O' town).
    assert gazetteer.foreign_lookup("Omachi")[0].name == "Ōmachi"


def test_a_town_written_with_its_unit_and_prefecture_is_that_town(nlp):
    text = "The friendship agreement was inked in 1985 between Omamachi, Aomori and Yuchi Township, Nantou."
    got = partners(run(nlp, text))
    assert set(got) == {"Ōma"}
    assert got["Ōma"] == ("Yuchi", "JP", "friendship", "established", "1985")


# ---------------------------------------------------------------- an anniversary beside its founding

def test_an_alliances_anniversary_dates_its_founding(nlp):
    text = "This year marks the 30th anniversary of the sister city alliance between Taoyuan City and Ventura."
    got = {(m.event.value, m.date.iso() if m.date else None) for m in run(nlp, text, published=dt.date(2019, 5, 2))}
    assert got == {("renewed", "2019"), ("established", "1989")}


def test_a_founding_year_written_out_beside_the_count_is_the_founding():
    text = ("The mayor stated that this year marks the 40th anniversary of the sister city alliance between the "
            "two cities, which was officially formed in 1980.")
    written = EventDate(value=dt.date(1980, 1, 1), precision=DatePrecision.YEAR, text="1980")
    founded, kept = founded_and_kept(text, written)  # (no publication date: 'this year' is read from the count)
    assert (founded.iso(), kept.iso()) == ("1980", "2020")


def test_a_kept_date_that_is_not_the_founding_is_left_as_it_is():
    text = "The two cities celebrated the 40th anniversary of their sister city relationship on May 3, 2020."
    kept = EventDate(value=dt.date(2020, 5, 3), precision=DatePrecision.DAY, text="May 3, 2020")
    founded, same = founded_and_kept(text, kept)
    assert (founded.iso(), same) == ("1980", kept)
