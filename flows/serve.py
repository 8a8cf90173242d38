"""``citypairs serve``: one Prefect deployment per scheduled web source.

Each deployment runs the flow ``scheduled-crawl`` for its source on the
source's cron schedule; that flow crawls the source and runs the pipeline on
what is new (the ``crawl`` flow, as a subflow). Schedules need a Prefect
server (the ephemeral in-process one runs no scheduler): ``PREFECT_API_URL``
names one, or ``serve`` starts one on 127.0.0.1 for as long as it runs. The
deployments, their runs and each crawl's report artifact show in its UI.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from prefect import flow

from flows.crawl import CrawlReport, crawl_flow
from models.errors import ConfigError
from models.run_lock import run_lock
from models.settings import Settings, load_settings
from models.sources import WEB_KINDS, load_sources

log = logging.getLogger(__name__)


@flow(name="scheduled-crawl")
def scheduled_crawl(source_name: str, sources_path: str, database_url: str) -> CrawlReport:
    """Crawl one source, then extract and dedupe what is new."""
    settings = load_settings(sources_path=Path(sources_path), database_url=database_url)
    with run_lock(database_url, lambda: log.info("another job is writing to the database; waiting")):
        return crawl_flow(settings, source_name)


def deployments(settings: Settings) -> list:
    """A deployment per web source that has a schedule, named after it."""
    from prefect.schedules import Cron

    scheduled = [s for s in load_sources(settings.sources_path) if s.kind in WEB_KINDS and s.schedule]
    if not scheduled:
        raise ConfigError(str(settings.sources_path), ["no web source has a 'schedule'; nothing to serve"])
    sources_path = str(settings.sources_path.resolve())
    return [
        scheduled_crawl.to_deployment(
            name=source.name,
            schedules=[Cron(source.schedule, timezone=source.timezone)],
            parameters={"source_name": source.name, "sources_path": sources_path,
                        "database_url": settings.database_url},
            description=f"Crawl {source.url} ({source.kind}) and run the pipeline on what is new.",
            tags=["citypairs", source.kind],
        )
        for source in scheduled
    ]


@contextlib.contextmanager
def prefect_server(log_path: Path, port: int = 4200, wait: float = 120.0) -> Iterator[str]:
    """A Prefect server on 127.0.0.1 for as long as the block runs, logging
    to ``log_path``. Schedules need one: Prefect's ephemeral in-process
    server runs no scheduler."""
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "true"}
    env.pop("PREFECT_API_URL", None)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    server_log = log_path.open("ab")
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=server_log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + wait
        while True:
            if server.poll() is not None:
                raise ConfigError("prefect server", [f"did not start; see {log_path}"])
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise ConfigError("prefect server", [f"no answer on {url} after {wait:.0f} s"])
            time.sleep(1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        server_log.close()


def serve_sources(settings: Settings, port: int = 4200) -> None:  # pragma: no cover - runs until interrupted
    """Serve the deployments against PREFECT_API_URL, or against a Prefect
    server started here when none is set."""
    from prefect import serve

    if os.environ.get("PREFECT_API_URL"):
        serve(*deployments(settings), print_starting_message=True)
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with prefect_server(settings.processed_dir / "prefect-server.log", port) as url, temporary_settings(updates={PREFECT_API_URL: url}):
        log.info("started a Prefect server for the schedules: UI and API on %s", url.removesuffix("/api"))
        serve(*deployments(settings), print_starting_message=True)
