"""Flow ``references``: researchers' reference lists into the store.

Each list (a ``kind = "reference"`` source, or a file given to ``citypairs
reference import``) is read, its rows resolved through the gazetteers, and
its claims stored apart from text mentions; rows that do not resolve are
kept as problems with their line and reason. A list whose bytes and column
settings are as last imported is not read again. Reconciliation with the
texts happens at dedupe.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.reference_read import ListError, read_list
from models.records import Relation
from models.rows import RowProblem
from models.settings import Settings
from models.sources import ReferenceSource, load_sources
from models.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ListReport:
    name: str
    path: str
    rows: int = 0
    claims: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)  # added, updated, removed, unchanged
    error: str | None = None  # the whole list could not be read
    skipped: bool = False  # unchanged since the last import


def import_list(settings: Settings, source: ReferenceSource, *, force: bool = False) -> ListReport:
    """Read one list and make the store hold exactly its claims."""
    from extractors.gazetteer.index import load_gazetteer
    from extractors.reference_resolve import resolve_rows

    report = ListReport(source.name, str(source.path))
    store = Store(settings.database_url)
    try:
        try:
            digest = _digest(source)
        except OSError as exc:
            report.error = f"{source.path}: cannot be read ({exc.strerror or exc})"
            return report
        known = {r["name"]: r for r in store.reference_lists()}.get(source.name)
        if not force and known is not None and known["sha256"] == digest:
            report.skipped, report.rows, report.claims = True, known["rows"], known["claims"]
            report.problems = [RowProblem(**p) for p in known["problems"]]
            return report
        try:
            rows = read_list(source.path, source.columns, source.sheet, settings.max_document_bytes)
        except ListError as exc:
            report.error = str(exc)
            return report
        resolved, report.problems = resolve_rows(rows, source.name, load_gazetteer(settings.cache_dir),
                                                 Relation(source.relation))
        report.rows, report.claims = len(rows), len(resolved)
        report.changes = store.import_reference(
            source.name, str(source.path), digest, len(rows), [r.claim for r in resolved],
            [p for r in resolved for p in r.places], report.problems)
        return report
    finally:
        store.close()


def _digest(source: ReferenceSource) -> str:
    """The list's bytes and how it is read: a changed column mapping is a new import."""
    digest = hashlib.sha256(source.path.read_bytes())
    digest.update(json.dumps([source.columns, source.sheet, source.relation], sort_keys=True).encode())
    return digest.hexdigest()


def reference_sources(settings: Settings) -> list[ReferenceSource]:
    return [s for s in load_sources(settings.sources_path) if isinstance(s, ReferenceSource)]


@task(name="reference-lists", cache_policy=NO_CACHE)
def import_lists_task(settings: Settings) -> list[ListReport]:
    return [import_list(settings, s) for s in reference_sources(settings) if s.path.exists()]


@flow(name="references")
def references_flow(settings: Settings) -> list[ListReport]:
    """Import every reference list of the sources registry (one task: lists are small)."""
    reports = import_lists_task(settings)
    for r in reports:
        if r.error:
            log.error("reference list '%s': %s", r.name, r.error)
        elif not r.skipped:
            log.info("reference list '%s': %d rows, %d claims, %d not taken", r.name, r.rows, r.claims,
                     len(r.problems))
    return reports
