"""Flow ``pipeline``: ingest, then extract, then reference lists, then dedupe."""

from __future__ import annotations

from dataclasses import dataclass, field

from prefect import flow

from flows.dedupe import dedupe_flow
from flows.extract import extract_flow
from flows.ingest import IngestReport, ingest_flow
from flows.references import ListReport, reference_sources, references_flow
from models.settings import Settings


@dataclass(frozen=True, slots=True)
class PipelineReport:
    ingest: IngestReport
    mentions: int
    partnerships: dict[str, int]
    references: list[ListReport] = field(default_factory=list)


@flow(name="pipeline")
def pipeline_flow(settings: Settings) -> PipelineReport:
    """The whole job: sources -> documents -> mentions (and reference lists) -> partnerships."""
    ingested = ingest_flow(settings)
    mentions = extract_flow(settings)
    lists = references_flow(settings) if reference_sources(settings) else []
    counts = dedupe_flow(settings)
    return PipelineReport(ingested, mentions, counts, lists)
