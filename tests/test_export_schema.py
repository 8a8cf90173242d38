"""Exports a researcher can cite: every row carries its best evidence
sentence with the document's URL, title and date, its independent
sources, its standing against the reference lists, its review state, and
dates at their own precision."""

from __future__ import annotations

import pandas as pd

from flows.references import import_list
from models.export_schema import COLUMNS, frame
from models.sources import ReferenceSource
from models.store import Store
from review.additions import add_partnership
from tests.test_additions import document_with
from tests.test_decisions import run_pipeline
from tests.test_reconcile import settings  # noqa: F401 - the fixture: three articles and a reference list


def exported(settings) -> dict[tuple[str, str], dict]:
    store = Store(settings.database_url)
    try:
        return {(r["taiwan_side"], r["partner"]): r for r in frame(store.engine).to_dict("records")}
    finally:
        store.close()


def test_each_row_cites_its_evidence_and_says_how_it_stands(settings):  # noqa: F811
    import_list(settings, ReferenceSource(kind="reference", name="think-tank",
                                          path=settings.sources_path.parent / "think-tank.csv"))
    run_pipeline(settings)
    store = Store(settings.database_url)
    try:
        doc, start, end = document_with(store, "Taoyuan Mayor Chang San-cheng said")
        add_partnership(store, doc, {"a": "TW-TAO", "b": "gn:4188985", "relation": "mou", "event": "proposed",
                                     "date": "2024-02", "start": str(start), "end": str(end)}, "mei",
                        settings.cache_dir)
    finally:
        store.close()
    rows = exported(settings)
    assert list(next(iter(rows.values()))) == list(COLUMNS)
    sendai = rows[("Tainan", "Sendai")]
    assert sendai["evidence"].startswith("Tainan and Sendai in Japan signed a friendship city agreement")
    assert sendai["source_url"].endswith("tainan-sendai.txt") and sendai["source_published"] == "2022-08-01"
    assert (sendai["established"], sendai["reference"], sendai["review"]) == ("2006", "conflict", "pending")
    assert sendai["n_sources"] == 1
    cebu = rows[("Kaohsiung", "Cebu City")]
    assert cebu["reference"] == "confirmed" and cebu["established"] == "2023-05-12"  # 'on Friday' before 13 May
    la = rows[("Taipei", "Los Angeles")]
    assert (la["reference"], la["source_title"], la["established"]) == (
        "reference_only", "reference list think-tank, line 4", "1979")
    assert pd.isna(la["evidence"]) and la["n_sources"] == 0
    added = rows[("Taoyuan", "Columbus")]
    assert added["evidence"].startswith("Taoyuan Mayor Chang San-cheng said")
    assert added["source_url"].endswith("taoyuan-jonava.txt") and added["review"] == "accepted"
