"""``citypairs serve``: one Prefect deployment per scheduled web source.

Each deployment runs the flow ``scheduled-crawl`` for its source on the
source's cron schedule; that flow crawls the source and runs the pipeline on
what is new (the ``crawl`` flow, as a subflow). With ``PREFECT_API_URL``
pointing at a Prefect server the deployments, their runs and each crawl's
report artifact are visible in the Prefect UI.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow

from flows.crawl import CrawlReport, crawl_flow
from models.errors import ConfigError
from models.settings import Settings, load_settings
from models.sources import WEB_KINDS, load_sources


@flow(name="scheduled-crawl")
def scheduled_crawl(source_name: str, sources_path: str, database_url: str) -> CrawlReport:
    """Crawl one source, then extract and dedupe what is new."""
    settings = load_settings(sources_path=Path(sources_path), database_url=database_url)
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


def serve_sources(settings: Settings) -> None:  # pragma: no cover - runs until interrupted
    from prefect import serve

    serve(*deployments(settings), print_starting_message=True)
