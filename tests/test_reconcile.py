"""Reconciliation: at every dedupe each partnership is confirmed by a
reference list, new to the lists, known only to a list, or in conflict with
it (both values kept); analysts settle conflicts with decisions that every
later run keeps."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractors.reconcile import reconcile, reference_only_rows
from flows.cli import app
from flows.dedupe import dedupe
from flows.references import import_list
from models.rows import PartnershipRow, ReferenceClaim
from models.sources import ReferenceSource
from models.store import Store
from review import actions
from review.conflicts import settle
from tests.test_decisions import inbox_settings, run_pipeline, table


def row(relation="sister", established=None, precision=None, status="active", n=2) -> PartnershipRow:
    return PartnershipRow(key=f"k-{relation}", a_id="TW-TPE", b_id="gn:1", relation=relation, status=status,
                          established=established, established_precision=precision, last_event=None,
                          last_event_date=None, first_reported=None, last_reported=None, themes=(), n_mentions=n,
                          n_documents=n, n_sources=n, confidence=0.9, mention_ids=())


def claim(relation="sister", established=None, precision=None, ended=None, line=2) -> ReferenceClaim:
    return ReferenceClaim(list_name="list", line=line, a_id="gn:1", b_id="TW-TPE", relation=relation,
                          established=established, established_precision=precision, ended=ended,
                          ended_precision="year" if ended else None)


def test_a_year_in_the_list_agrees_with_a_day_in_the_texts():
    [r] = reconcile([row(established=dt.date(1982, 5, 13), precision="day")],
                    [claim(established=dt.date(1982, 1, 1), precision="year")])
    assert r.reference == "confirmed" and r.conflicts == ()
    assert r.reference_rows == ({"list": "list", "line": 2},)


def test_another_year_another_relation_or_an_end_are_conflicts_with_both_values():
    [r] = reconcile([row(established=dt.date(1982, 5, 13), precision="day")],
                    [claim(relation="friendship", established=dt.date(1983, 1, 1), precision="year",
                           ended=dt.date(2001, 1, 1))])
    assert r.reference == "conflict"
    assert [(c["field"], c["text"], c["reference"]) for c in r.conflicts] == [
        ("relation", "sister", "friendship"), ("established", "1982-05-13", "1983"),
        ("status", "active", "terminated 2001")]


def test_a_claim_matches_the_row_of_its_own_relation_and_leaves_the_other_new():
    friendship, sister = row("friendship"), row("sister")
    rows = {r.relation: r for r in reconcile([friendship, sister], [claim("sister")])}
    assert rows["sister"].reference == "confirmed" and rows["friendship"].reference == "text_only"


def test_ties_only_a_list_holds_become_rows_of_their_own_and_no_list_means_no_standing():
    extra = reference_only_rows([row()], [claim(), ReferenceClaim("list", 3, "TW-KHH", "gn:2", "sister",
                                                                  ended=dt.date(2010, 1, 1), ended_precision="year")])
    assert [(r.a_id, r.status, r.n_mentions) for r in extra] == [("TW-KHH", "terminated", 0)]
    assert reconcile(extra, [], have_lists=False)[0].reference is None


@pytest.fixture
def settings(tmp_path, db_url):
    pd.DataFrame([["Kaohsiung", "Cebu City", "Philippines", "sister city", "2023"],
                  ["Tainan", "Sendai", "Japan", "sister city", "2006"],
                  ["Taipei", "Los Angeles", "United States", "sister city", "1979"]],
                 columns=["taiwan_side", "partner", "partner_country", "relation", "established"]
                 ).to_csv(tmp_path / "think-tank.csv", index=False)
    return inbox_settings(tmp_path, db_url, '\n[[sources]]\nname = "think-tank"\nkind = "reference"\n'
                                            'path = "think-tank.csv"\n')


def standing(settings) -> dict[tuple[str, str], str]:
    return {pair: r["reference"] for pair, r in _rows(settings).items()}


def _rows(settings) -> dict:
    store = Store(settings.database_url)
    try:
        return {(r["a"], r["b"]): r for r in store.partnerships()}
    finally:
        store.close()


def test_each_partnership_gets_its_standing_and_settled_conflicts_survive_every_run(settings):
    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    assert standing(settings) == {("Kaohsiung", "Cebu City"): "confirmed", ("Tainan", "Sendai"): "conflict",
                                  ("Taoyuan", "Jonava"): "text_only", ("Taipei", "Los Angeles"): "reference_only"}
    store = Store(settings.database_url)
    try:
        [c] = store.conflicts()
        assert (c["a"], c["b"], c["field"], c["text"], c["reference"], c["line"]) == (
            "Tainan", "Sendai", "relation", "friendship", "sister", 3)
        # A list's own tie is in the table but not in the review queue.
        from models.review_queries import queue
        assert ("Taipei", "Los Angeles") not in {(r["a"], r["b"]) for r in queue(store.engine)[0]}
        outcome = settle(store, c["id"], "relation", "think-tank", "take_text", "the 2006 agreement says friendship",
                         "mei", settings.cache_dir)
        assert store.conflicts() == [] and outcome.decision_id
    finally:
        store.close()
    run_pipeline(settings, force=True)  # re-extraction and a new dedupe keep the analyst's choice
    assert standing(settings)[("Tainan", "Sendai")] == "confirmed"
    store = Store(settings.database_url)
    try:
        [c] = store.conflicts(settled=True)
        assert (c["resolution"], c["note"], c["by"]) == ("take_text", "the 2006 agreement says friendship", "mei")
        actions.undo(store, outcome.decision_id, "mei")
        assert [x["field"] for x in store.conflicts()] == ["relation"]  # undone: to settle again
    finally:
        store.close()


def test_taking_the_lists_value_is_an_edit_after_which_both_agree(settings):
    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    store = Store(settings.database_url)
    try:
        [c] = store.conflicts()
        settle(store, c["id"], "relation", "think-tank", "take_reference", "", "mei", settings.cache_dir)
    finally:
        store.close()
    dedupe(settings)
    r = _rows(settings)[("Tainan", "Sendai")]
    assert (r["relation"], r["reference"], r["review"]) == ("sister", "confirmed", "edited")


def test_conflicts_command_lists_them_as_json_and_csv(settings):
    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    runner = CliRunner()
    result = runner.invoke(app, ["conflicts", "--format", "json", "--db", settings.database_url])
    assert result.exit_code == 0, result.output
    [c] = json.loads(result.stdout)
    assert (c["b"], c["field"], c["list"], c["line"]) == ("Sendai", "relation", "think-tank", 3)
    result = runner.invoke(app, ["conflicts", "--format", "csv", "--db", settings.database_url])
    assert result.stdout.splitlines()[0].startswith("id,a,b,b_country,relation,field,text,reference")
    assert runner.invoke(app, ["conflicts", "--format", "xml", "--db", settings.database_url]).exit_code == 2


def test_the_conflicts_page_settles_a_difference_with_a_note_and_shows_coverage(settings):
    import re

    from starlette.testclient import TestClient

    from review.app import create_app

    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    client = TestClient(create_app(settings))
    page = client.get("/conflicts").text
    assert "Tainan – Sendai" in page and "friendship" in page and "think-tank, 3" in page
    assert re.search(r"<td>think-tank</td><td>3</td><td>2</td><td>67%</td><td>0</td>", page)  # LA not in texts
    pid = re.search(r'action="/partnerships/(\d+)/settle"', page)[1]
    token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
    answer = client.post(f"/partnerships/{pid}/settle", data={
        "csrf": token, "field": "relation", "list": "think-tank", "action": "keep_both",
        "note": "<b>both signed</b>", "next": "/conflicts"})
    assert answer.status_code == 200 and "kept both values for relation" in answer.text
    assert "No conflicts to settle" in answer.text
    settled = client.get("/conflicts?all=1").text
    assert "&lt;b&gt;both signed&lt;/b&gt;" in settled  # the note is shown, as text
    detail = client.get(f"/partnerships/{pid}").text
    assert "settled: keep both" in detail
    wrong = client.post(f"/partnerships/{pid}/settle", data={
        "csrf": token, "field": "established", "list": "think-tank", "action": "keep_both", "next": "/conflicts"})
    assert "Not settled" in wrong.text


def test_the_report_shows_each_lists_coverage_and_the_ties_no_list_holds(settings, tmp_path):
    from review.report import write_report

    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    store = Store(settings.database_url)
    try:
        html = write_report(store, tmp_path / "report").read_text(encoding="utf-8")
    finally:
        store.close()
    section = html[html.index('id="references"'):]
    assert "think-tank" in section and "66.7%" in section  # 2 of its 3 ties are in the texts
    assert "no list holds: 1" in section  # Taoyuan – Jonava
