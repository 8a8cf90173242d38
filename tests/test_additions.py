"""An analyst repairs what the machine missed or got wrong: adds a tie from
a document's sentence (with any gazetteer place, stored or not), rejects a
single mention, and names places without the machine guessing; every later
run, re-extraction included, keeps those decisions."""

from __future__ import annotations

import pytest

from flows.dedupe import dedupe
from models.store import Store
from review import actions
from review.additions import add_partnership, reject_mention
from tests.test_decisions import inbox_settings, key_of, run_pipeline, table

COLUMBUS_GA = "gn:4188985"


@pytest.fixture
def settings(tmp_path, db_url):
    settings = inbox_settings(tmp_path, db_url)
    run_pipeline(settings)
    return settings


def document_with(store: Store, words: str) -> tuple[int, int, int]:
    """The id of the document holding ``words`` and their span."""
    from sqlalchemy import select

    from models import schema as t

    with store.engine.connect() as conn:
        for doc_id, text in conn.execute(select(t.documents.c.id, t.documents.c.text)):
            if text and words in text:
                start = text.index(words)
                return doc_id, start, start + len(words)
    raise AssertionError(f"no document says {words!r}")


def test_a_tie_the_machine_missed_is_added_from_its_sentence_and_survives_reextraction(settings):
    store = Store(settings.database_url)
    try:
        doc, start, end = document_with(store, "Kaohsiung and Cebu City in the Philippines signed")
        outcome = add_partnership(store, doc, {"a": COLUMBUS_GA, "b": "TW-KHH", "relation": "friendship",
                                               "event": "established", "date": "2023-05", "themes": "tourism",
                                               "start": str(start), "end": str(end)}, "mei", settings.cache_dir)
        assert "Kaohsiung – Columbus" in outcome.message  # the Taiwanese side first, whatever the order typed
    finally:
        store.close()
    row = table(settings)[("Kaohsiung", "Columbus")]  # shown at once, before any run
    assert (row["relation"], row["review"], row["established"].isoformat()) == ("friendship", "accepted",
                                                                                "2023-05-01")
    run_pipeline(settings, force=True)
    row = table(settings)[("Kaohsiung", "Columbus")]
    assert (row["review"], row["established_precision"], row["n_documents"]) == ("accepted", "month", 1)
    store = Store(settings.database_url)
    try:
        actions.undo(store, outcome.decision_id, "mei")
    finally:
        store.close()
    dedupe(settings)
    assert ("Kaohsiung", "Columbus") not in table(settings)


def test_adding_a_tie_the_machine_also_found_accepts_it_without_a_second_row(settings):
    store = Store(settings.database_url)
    try:
        doc, start, end = document_with(store, "Tainan and Sendai in Japan signed a friendship city agreement")
        add_partnership(store, doc, {"a": "TW-TNN", "b": store_place_id(settings, "Sendai"),
                                     "relation": "friendship", "event": "established", "date": "2006",
                                     "start": str(start), "end": str(end)}, "mei", settings.cache_dir)
    finally:
        store.close()
    dedupe(settings)
    rows = [k for k in table(settings) if k == ("Tainan", "Sendai")]
    assert len(rows) == 1 and table(settings)[("Tainan", "Sendai")]["review"] == "accepted"


def store_place_id(settings, name: str) -> str:
    from sqlalchemy import select

    from models import schema as t

    store = Store(settings.database_url)
    try:
        with store.engine.connect() as conn:
            return conn.scalar(select(t.places.c.id).where(t.places.c.name == name))
    finally:
        store.close()


@pytest.mark.parametrize("form, field", [
    ({"a": "gn:2111149", "b": COLUMBUS_GA}, "a"),              # neither side in Taiwan
    ({"a": "TW-KHH", "b": "Columbus, US"}, "b"),               # two Columbuses: never guessed
    ({"a": "TW-KHH", "b": COLUMBUS_GA, "relation": "twinned"}, "relation"),
    ({"a": "TW-KHH", "b": COLUMBUS_GA, "start": "5", "end": "99999999"}, "evidence"),
    ({"a": "TW-KHH", "b": COLUMBUS_GA, "themes": "trade"}, "themes"),
])
def test_an_addition_that_does_not_validate_names_the_field_and_stores_nothing(settings, form, field):
    store = Store(settings.database_url)
    try:
        doc, start, end = document_with(store, "Kaohsiung and Cebu City")
        full = {"relation": "sister", "event": "established", "start": str(start), "end": str(end), **form}
        before = len(store.decisions(active=False))
        with pytest.raises(actions.EditError) as err:
            add_partnership(store, doc, full, "mei", settings.cache_dir)
        assert err.value.field == field
        assert len(store.decisions(active=False)) == before and store.place(COLUMBUS_GA) is None
    finally:
        store.close()


def test_a_rejected_mention_stays_out_of_its_partnership_through_reextraction(settings):
    from sqlalchemy import select

    from models import schema as t

    store = Store(settings.database_url)
    try:
        key = key_of(settings, "Tainan", "Sendai")
        with store.engine.connect() as conn:
            pid = conn.scalar(select(t.partnerships.c.id).where(t.partnerships.c.key == key))
            mids = list(conn.scalars(select(t.partnership_mentions.c.mention_id)
                                     .where(t.partnership_mentions.c.partnership_id == pid)))
        for mid in mids:
            reject_mention(store, mid, "mei")
        with pytest.raises(actions.EditError, match="already rejected"):
            reject_mention(store, mids[0], "mei")
    finally:
        store.close()
    run_pipeline(settings, force=True)
    assert ("Tainan", "Sendai") not in table(settings)  # its only mentions were rejected
    assert ("Kaohsiung", "Cebu City") in table(settings)


def test_places_are_named_by_id_or_with_their_state_and_a_bare_ambiguous_name_is_refused(settings):
    store = Store(settings.database_url)
    try:
        assert actions.resolve_place(store, COLUMBUS_GA, settings.cache_dir, keep=False).admin1 == "Georgia"
        assert actions.resolve_place(store, "Columbus, Georgia, US", settings.cache_dir, keep=False).id == COLUMBUS_GA
        with pytest.raises(actions.EditError, match="Ohio.*Georgia"):
            actions.resolve_place(store, "Columbus, US", settings.cache_dir)
    finally:
        store.close()
