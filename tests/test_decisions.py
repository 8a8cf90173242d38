"""Analysts' decisions win: they are stored apart from machine output,
applied on top of it at every dedupe, and no later run (a re-run, a
re-extraction, a new model) overwrites or resurrects what they decided."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from flows.dedupe import dedupe
from flows.extract import extract_documents
from flows.ingest import discover, ingest_files
from models import schema as t
from models.settings import load_settings
from models.store import Store
from review import actions

ARTICLES = {
    "kaohsiung-cebu.txt": "Date: 2023-05-13\n\nKaohsiung and Cebu City in the Philippines signed a sister city "
                          "agreement on Friday to expand trade and tourism.\n",
    "taoyuan-jonava.txt": "Date: 2024-02-02\n\nTaoyuan Mayor Chang San-cheng said the city hopes to sign a sister "
                          "city agreement with Jonava in Lithuania later this year.\n",
    "tainan-sendai.txt": "Date: 2022-08-01\n\nTainan and Sendai in Japan signed a friendship city agreement in 2006, "
                         "officials recalled on Monday, focusing on education.\n",
}


def inbox_settings(root, db_url: str, more_sources: str = ""):
    """ARTICLES in root/inbox as a folder source (and any more sources
    given as TOML), with settings for one process on that registry."""
    inbox = root / "inbox"
    inbox.mkdir()
    for name, text in ARTICLES.items():
        (inbox / name).write_text(text, encoding="utf-8")
    (root / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n' + more_sources)
    return load_settings(database_url=db_url, sources_path=root / "sources.toml", raw_dir=root / "raw", processes=1)


@pytest.fixture
def settings(tmp_path, db_url):
    return inbox_settings(tmp_path, db_url)


def run_pipeline(settings, *, force: bool = False) -> None:
    ingest_files(discover(settings), settings)
    store = Store(settings.database_url)
    todo = store.documents_to_extract("x", force=True) if force else None
    store.close()
    if todo is not None:
        extract_documents(todo, settings)
    else:
        from extractors.pipeline import extractor_version

        store = Store(settings.database_url)
        todo = store.documents_to_extract(extractor_version(settings.spacy_model))
        store.close()
        if todo:
            extract_documents(todo, settings)
    dedupe(settings)


def table(settings, *, rejected: bool = True) -> dict[tuple[str, str], dict]:
    store = Store(settings.database_url)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(store.partnerships_query(rejected=rejected))]
    store.close()
    return {(r["a"], r["b"]): r for r in rows}


def key_of(settings, a: str, b: str) -> str:
    store = Store(settings.database_url)
    p, pa, pb = t.partnerships.c, t.places.alias("a"), t.places.alias("b")
    with store.engine.connect() as conn:
        key = conn.scalar(select(p.key).join(pa, pa.c.id == p.a_id).join(pb, pb.c.id == p.b_id)
                          .where(pa.c.name == a, pb.c.name == b))
    store.close()
    return key


def test_accept_reject_and_edit_survive_reruns_and_reextraction(settings):
    run_pipeline(settings)
    assert set(table(settings)) == {("Kaohsiung", "Cebu City"), ("Taoyuan", "Jonava"), ("Tainan", "Sendai")}
    store = Store(settings.database_url)
    actions.accept(store, key_of(settings, "Kaohsiung", "Cebu City"), "mei")
    actions.reject(store, key_of(settings, "Taoyuan", "Jonava"), "mei")
    actions.edit(store, key_of(settings, "Tainan", "Sendai"),
                 {"relation": "sister", "established": "2006-10", "themes": "education_youth, culture_arts"},
                 "chen", settings.cache_dir)
    store.close()

    for rerun in (lambda: dedupe(settings), lambda: run_pipeline(settings, force=True)):
        rerun()
        rows = table(settings)
        assert rows[("Kaohsiung", "Cebu City")]["review"] == "accepted"
        assert rows[("Taoyuan", "Jonava")]["review"] == "rejected", "a rejected row is never resurrected"
        sendai = rows[("Tainan", "Sendai")]
        assert (sendai["review"], sendai["relation"], sendai["reviewed_by"]) == ("edited", "sister", "chen")
        assert sendai["established"].isoformat() == "2006-10-01" and sendai["established_precision"] == "month"
        assert sendai["themes"] == ["education_youth", "culture_arts"]
    assert ("Taoyuan", "Jonava") not in table(settings, rejected=False), "exports leave rejected rows out"


def test_decisions_keep_who_when_and_what_changed_and_the_machine_values(settings):
    run_pipeline(settings)
    key = key_of(settings, "Tainan", "Sendai")
    store = Store(settings.database_url)
    actions.edit(store, key, {"status": "terminated"}, "chen", settings.cache_dir)
    [decision] = store.decisions(target=key)
    row = store.engine.connect().execute(select(t.partnerships.c.machine).where(t.partnerships.c.key == key)).one()
    store.close()
    assert decision["analyst"] == "chen" and decision["created_at"] is not None
    assert decision["changes"] == {"status": "terminated"} and decision["before"]["status"] == "active"
    assert row.machine == {"status": "active"}, "the machine's value is kept beside the analyst's"


def test_undo_restores_the_machine_row_and_puts_it_back_in_the_queue(settings):
    run_pipeline(settings)
    key = key_of(settings, "Taoyuan", "Jonava")
    store = Store(settings.database_url)
    before = table(settings)[("Taoyuan", "Jonava")]
    done = actions.edit(store, key, {"relation": "friendship", "status": "active"}, "mei", settings.cache_dir)
    actions.undo(store, done.decision_id, "mei")
    priority = store.engine.connect().scalar(select(t.partnerships.c.priority).where(t.partnerships.c.key == key))
    store.close()
    after = table(settings)[("Taoyuan", "Jonava")]
    assert (after["review"], after["relation"], after["status"]) == ("pending", before["relation"], before["status"])
    assert priority > 0
    dedupe(settings)
    assert table(settings)[("Taoyuan", "Jonava")]["relation"] == before["relation"], "an undone edit stays undone"


def test_an_accepted_partnership_outlives_the_mentions_a_new_model_no_longer_finds(settings):
    run_pipeline(settings)
    store = Store(settings.database_url)
    actions.accept(store, key_of(settings, "Kaohsiung", "Cebu City"), "mei")
    with store.engine.begin() as conn:  # as if a new model found nothing in any document
        conn.execute(delete(t.mentions))
    store.close()
    dedupe(settings)
    assert set(table(settings)) == {("Kaohsiung", "Cebu City")}


def test_merged_places_become_one_and_the_merge_survives_reruns(settings):
    run_pipeline(settings)
    store = Store(settings.database_url)
    prov = actions.resolve_place(store, "new: Jonava District, LT", settings.cache_dir)
    jonava = store.engine.connect().scalar(select(t.places.c.id).where(t.places.c.name == "Jonava"))
    key = key_of(settings, "Taoyuan", "Jonava")
    actions.edit(store, key, {"b": prov.id}, "mei", settings.cache_dir)
    assert table(settings)[("Taoyuan", "Jonava District")]["review"] == "edited"
    actions.merge_places(store, prov.id, jonava, "mei")
    store.close()
    dedupe(settings)
    assert ("Taoyuan", "Jonava") in table(settings) and ("Taoyuan", "Jonava District") not in table(settings)


@pytest.mark.parametrize("form, field", [
    ({"relation": "twinned"}, "relation"),
    ({"status": "dormant"}, "status"),
    ({"established": "the year of the rat"}, "established"),
    ({"themes": "economy_trade, gossip"}, "themes"),
    ({"b": "Atlantis, XX"}, "b"),
    ({"b": "Nowhereville"}, "b"),
    ({"relation": "sister", "b": "TW-KHH"}, "b"),
    ({"b": "new: Kosa, JP", "established": "someday"}, "established"),
])
def test_an_edit_that_does_not_validate_names_its_field_and_changes_nothing(settings, form, field):
    run_pipeline(settings)
    key = key_of(settings, "Kaohsiung", "Cebu City")
    store = Store(settings.database_url)
    with pytest.raises(actions.EditError) as err:
        actions.edit(store, key, form, "mei", settings.cache_dir)
    decisions = store.decisions()
    provisional = store.provisional_places()
    store.close()
    assert err.value.field == field
    assert decisions == [] and table(settings)[("Kaohsiung", "Cebu City")]["review"] == "pending"
    assert not provisional, "no place is added by an edit that was refused"


def test_undoing_a_place_merge_points_back_only_the_rows_it_moved(settings):
    run_pipeline(settings)
    store = Store(settings.database_url)
    ids = dict(store.engine.connect().execute(select(t.places.c.name, t.places.c.id)).all())
    done = actions.merge_places(store, ids["Cebu City"], ids["Sendai"], "mei")  # a slip of the hand
    assert {b for _, b in table(settings)} == {"Sendai", "Jonava"}
    actions.undo(store, done.decision_id, "mei")
    store.close()
    assert set(table(settings)) == {("Kaohsiung", "Cebu City"), ("Taoyuan", "Jonava"), ("Tainan", "Sendai")}
    dedupe(settings)
    assert set(table(settings)) == {("Kaohsiung", "Cebu City"), ("Taoyuan", "Jonava"), ("Tainan", "Sendai")}


def test_an_accept_made_while_dedupe_runs_is_not_reverted_by_it(settings, monkeypatch):
    run_pipeline(settings)
    key = key_of(settings, "Kaohsiung", "Cebu City")
    original = Store.sync_partnerships

    def analyst_meanwhile(self, rows):
        # The desk records an accept after dedupe read the decisions and before it writes the table.
        desk = Store(settings.database_url)
        actions.accept(desk, key, "mei")
        desk.close()
        return original(self, rows)

    monkeypatch.setattr(Store, "sync_partnerships", analyst_meanwhile)
    counts = dedupe(settings)
    assert counts.get("refolded") == 1
    assert table(settings)[("Kaohsiung", "Cebu City")]["review"] == "accepted"
