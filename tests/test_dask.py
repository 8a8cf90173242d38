"""Extraction on Dask workers through Prefect gives exactly the mentions of
the local path, and the workers report to the flow's Prefect server rather
than each starting one of its own; with SQLite it is refused with a clear
reason."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil  # installed with distributed
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowFilter, FlowFilterName
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.testing.utilities import prefect_test_harness
from sqlalchemy import select

from flows.batching import spread
from flows.extract import extract_flow, local_cluster_kwargs
from flows.orchestration import api_url
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


@contextmanager
def servers_started() -> Iterator[set[int]]:
    """Process ids of Prefect temporary servers started under this process
    while the block runs (a worker's own server lives as long as the worker,
    so sampling five times a second sees it)."""
    me = psutil.Process()

    def servers() -> set[int]:
        found = set()
        for child in me.children(recursive=True):
            try:
                if "prefect.server.api.server:create_app" in child.cmdline():
                    found.add(child.pid)
            except psutil.Error:  # ended meanwhile
                continue
        return found

    before, started, done = servers(), set(), threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            started.update(servers() - before)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    try:
        yield started
    finally:
        done.set()
        watcher.join()


def task_run_names(flow_name: str, expected: int) -> list[str]:
    """Task runs of the flow on the server this process reports to; they
    arrive as events, so wait a little for ``expected`` of them."""
    deadline = time.monotonic() + 30
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])))
            if len(runs) >= expected or time.monotonic() > deadline:
                return sorted(r.name for r in runs)
            time.sleep(0.5)


@pytest.mark.postgres
def test_two_dask_workers_store_exactly_the_mentions_of_the_local_path(harness, tmp_path, postgres_url, sqlite_url):
    local = ingested(tmp_path / "local", sqlite_url)
    on_dask = ingested(tmp_path / "dask", postgres_url, task_runner="dask", dask_workers=2)
    stored_local = extract_flow(local)
    with servers_started() as extra_servers:
        stored_dask = extract_flow(on_dask)
    assert stored_local > 0 and stored_dask == stored_local
    assert mentions(postgres_url) == mentions(sqlite_url)
    assert not extra_servers, "a Dask worker started a Prefect server of its own"
    store = Store(postgres_url)
    try:
        groups = len(spread(store.documents_to_extract("", force=True), on_dask.documents_per_task, 2))
    finally:
        store.close()
    names = task_run_names("extract-on-dask", groups)
    assert len(names) == groups and all(n.startswith("extract-batch") for n in names)


def test_local_cluster_workers_are_given_the_api_of_this_process(harness):
    assert local_cluster_kwargs(2)["env"] == {"PREFECT_API_URL": PREFECT_API_URL.value()}


def test_without_an_api_url_workers_are_given_the_temporary_servers(monkeypatch):
    """citypairs run without PREFECT_API_URL: the server it started is the
    one the workers must report to (before it starts there is none to give)."""
    server = SubprocessASGIServer()  # the instance get_client() would start
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        monkeypatch.setattr(server, "running", False)
        assert api_url() is None and local_cluster_kwargs(1)["env"] == {}
        monkeypatch.setattr(server, "running", True)
        monkeypatch.setattr(server, "port", 8765)
        assert api_url() == "http://127.0.0.1:8765/api"


def test_dask_with_sqlite_is_refused_with_the_reason(harness, tmp_path, sqlite_url):
    config = ingested(tmp_path, sqlite_url, task_runner="dask")
    with pytest.raises(ConfigError, match="dask needs PostgreSQL"):
        extract_flow(config)


def test_work_is_spread_over_the_workers_in_a_few_batches_each():
    assert [len(b) for b in spread(list(range(20)), 500, 2)] == [3, 3, 3, 3, 3, 3, 2]
    assert [len(b) for b in spread(list(range(20)), 2, 2)] == [2] * 10  # never above the configured size
    assert spread([], 500, 2) == []
