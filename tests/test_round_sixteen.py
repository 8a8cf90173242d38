"""Pages and stories written here for the sixteenth round: a US state or
Canadian province that shares its name with a foreign town, a council's vote
'last night', a signing still to come, and what else those pages taught."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run

from extractors.gazetteer.index import load_gazetteer
from models.settings import Settings


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(Settings().cache_dir)


def partners(found) -> dict[str, tuple]:
    """Foreign side -> (Taiwanese side, its country, relation, event, date)."""
    return {m.b.name: (m.a.name, m.b.country, m.relation.value, m.event.value, m.date.iso() if m.date else None)
            for m in found if m.a.country == "TW"}


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
