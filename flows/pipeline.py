"""Flow ``pipeline``: ingest, then extract, then dedupe."""

from __future__ import annotations

from dataclasses import dataclass

from prefect import flow

from flows.dedupe import dedupe_flow
from flows.extract import extract_flow
from flows.ingest import IngestReport, ingest_flow
from models.settings import Settings


@dataclass(frozen=True, slots=True)
class PipelineReport:
    ingest: IngestReport
    mentions: int
    partnerships: dict[str, int]


@flow(name="pipeline")
def pipeline_flow(settings: Settings) -> PipelineReport:
    """The whole job: sources -> documents -> mentions -> partnerships."""
    ingested = ingest_flow(settings)
    mentions = extract_flow(settings)
    counts = dedupe_flow(settings)
    return PipelineReport(ingested, mentions, counts)
