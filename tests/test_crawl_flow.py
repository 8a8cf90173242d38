"""The `crawl` flow end to end: a feed crawled, the pipeline run on what is
new, and a report left as a Prefect artifact."""

from __future__ import annotations

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
from prefect.client.schemas.sorting import ArtifactSort
from prefect.testing.utilities import prefect_test_harness

from fake_site import FakeSite
from flows.crawl import crawl_flow
from models.settings import load_settings
from models.store import Store


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def crawl_reports() -> list[str]:
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["crawl-report"])),
                                      sort=ArtifactSort.CREATED_DESC)
    return [a.data for a in found]


def test_a_crawl_runs_the_pipeline_on_new_documents_and_reports_them_as_an_artifact(harness, tmp_path, sqlite_url):
    with FakeSite() as site:
        (tmp_path / "sources.toml").write_text(
            f'[[sources]]\nname = "wire"\nkind = "feed"\nurl = "{site.base}/feed.xml"\nkeywords = ["partnership"]\n'
            "requests_per_second = 0\n")
        settings = load_settings(database_url=sqlite_url, sources_path=tmp_path / "sources.toml",
                                 raw_dir=tmp_path / "raw")

        report = crawl_flow(settings)
        again = crawl_flow(settings)

    assert report.new == 4 and again.new == 0
    store = Store(sqlite_url)
    pairs = {(r["a"], r["b"]) for r in store.partnerships()}
    store.close()
    assert ("Tainan", "Sendai") in pairs and ("Taoyuan", "Jonava") in pairs
    assert sorted(x.split(",")[0] for x in report.partnerships.added) == [
        "Hsinchu City – Cupertino (friendship", "Taichung – Winnipeg (friendship", "Tainan – Sendai (friendship",
        "Taoyuan – Jonava (friendship"], "one row per article: the headline's 'sign agreement' is the same tie"
    assert not report.partnerships.changed and again.partnerships is None, "nothing new, nothing re-run"
    latest, first = crawl_reports()[:2]
    assert "**4 new documents**" in first and "Taoyuan – Jonava (friendship" in first
    assert "| scheme |" in first and "| robots |" in first, "failures are listed with their reasons"
    assert "**0 new documents**" in latest
