"""Extraction on Dask workers through Prefect gives exactly the mentions of
the local path; with SQLite it is refused with a clear reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from prefect.testing.utilities import prefect_test_harness
from sqlalchemy import select

from flows.extract import extract_flow
from flows.ingest import discover, ingest_files
from models import schema as t
from models.errors import ConfigError
from models.settings import load_settings
from models.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def ingested(tmp_path: Path, url: str, **settings):
    inbox = tmp_path / "inbox"
    if not inbox.exists():
        shutil.copytree(ROOT / "data" / "samples" / "articles", inbox)
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "samples"\nkind = "folder"\npath = "inbox"\n')
    config = load_settings(database_url=url, sources_path=tmp_path / "sources.toml", raw_dir=tmp_path / "raw",
                           documents_per_task=3, **settings)
    ingest_files(discover(config), config)
    return config


def mentions(url: str) -> list[tuple]:
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            m = t.mentions.c
            return sorted(tuple(r) for r in conn.execute(select(m.key, m.a_id, m.b_id, m.relation, m.event,
                                                                 m.event_date, m.confidence)))
    finally:
        store.close()


@pytest.mark.postgres
def test_two_dask_workers_store_exactly_the_mentions_of_the_local_path(harness, tmp_path, postgres_url, sqlite_url):
    local = ingested(tmp_path / "local", sqlite_url)
    on_dask = ingested(tmp_path / "dask", postgres_url, task_runner="dask", dask_workers=2)
    stored_local = extract_flow(local)
    stored_dask = extract_flow(on_dask)
    assert stored_local > 0 and stored_dask == stored_local
    assert mentions(postgres_url) == mentions(sqlite_url)


def test_dask_with_sqlite_is_refused_with_the_reason(harness, tmp_path, sqlite_url):
    config = ingested(tmp_path, sqlite_url, task_runner="dask")
    with pytest.raises(ConfigError, match="dask needs PostgreSQL"):
        extract_flow(config)
