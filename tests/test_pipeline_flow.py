"""End to end: the `pipeline` flow on a folder of fixture documents."""

from __future__ import annotations

import fixtures_docs as fx
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.pipeline import pipeline_flow
from models.settings import load_settings
from models.store import Store

ARTICLE = """Date: 2023-05-13

Kaohsiung and Cebu City renew sister ties

Kaohsiung Mayor Chen Chi-mai and Cebu City Mayor Michael Rama signed a new sister city agreement in Kaohsiung on Friday, reaffirming a tie the two cities first formed in 1970.
The agreement covers trade, tourism and student exchanges.
Separately, Taiwan's Ministry of Economic Affairs signed an MOU with a Japanese trade association.
"""

SYNDICATED = ARTICLE.replace("Kaohsiung and Cebu City renew sister ties", "Cebu, Kaohsiung reaffirm ties") \
    .replace("covers trade", "includes trade")

PROPOSAL = """Date: 2024-02-02

Taoyuan seeks sister-city ties with Jonava

Taoyuan Mayor Chang San-cheng said on Thursday that the city hopes to sign a sister city agreement with Jonava in Lithuania later this year, focusing on smart city technology and industry.
"""


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_pipeline_builds_the_canonical_table_and_reruns_change_nothing(harness, tmp_path, db_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "kaohsiung-cebu.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "kaohsiung-cebu-wire.txt").write_text(SYNDICATED, encoding="utf-8")
    (inbox / "taoyuan-jonava.txt").write_text(PROPOSAL, encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    fx.encrypted_pdf(scratch).rename(inbox / "locked.pdf")
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    settings = load_settings(database_url=db_url, sources_path=tmp_path / "sources.toml",
                             raw_dir=tmp_path / "raw")

    report = pipeline_flow(settings)

    assert report.ingest.new == 3 and len(report.ingest.rejected) == 1
    store = Store(db_url)
    rows = {(r["a"], r["b"], r["relation"]): r for r in store.partnerships()}
    cebu = rows[("Kaohsiung", "Cebu City", "sister")]
    assert cebu["status"] == "active"
    assert cebu["b_country"] == "PH"
    assert cebu["n_documents"] == 2 and cebu["n_sources"] == 1, "the syndicated copy is not a second source"
    assert "tourism" in cebu["themes"]
    jonava = rows[("Taoyuan", "Jonava", "sister")]
    assert (jonava["status"], jonava["b_country"]) == ("proposed", "LT")
    assert not any(r["a"] == "Taiwan" or r["b"] == "Japan" for r in rows.values()), "countries are never sides"
    provenance = store.partnership_sources(cebu["id"])
    assert {p["origin"].rsplit("/", 1)[-1] for p in provenance} == {"kaohsiung-cebu.txt", "kaohsiung-cebu-wire.txt"}
    store.close()

    again = pipeline_flow(settings)
    assert again.ingest.new == 0 and again.mentions == 0
    assert again.partnerships["inserted"] == again.partnerships["updated"] == again.partnerships["deleted"] == 0
