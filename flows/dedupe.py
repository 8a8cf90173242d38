"""Flow ``dedupe``: mentions into the canonical partnership table.

First near-duplicate documents are grouped (one syndicated story is one
independent source), then every mention is merged by pair and relation, and
the table is synced to the result. Running it again changes nothing.
"""

from __future__ import annotations

import logging

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.merge import merge
from extractors.near_duplicates import cluster_documents
from models.settings import Settings
from models.store import Store

log = logging.getLogger(__name__)


def dedupe(settings: Settings) -> dict[str, int]:
    store = Store(settings.database_url)
    try:
        store.set_clusters(cluster_documents(store.document_texts(), settings.near_duplicate_threshold))
        rows = merge(store.mentions_for_dedupe(settings.min_confidence))
        return store.sync_partnerships(rows)
    finally:
        store.close()


@task(name="dedupe-all", cache_policy=NO_CACHE)
def dedupe_task(settings: Settings) -> dict[str, int]:
    return dedupe(settings)


@flow(name="dedupe")
def dedupe_flow(settings: Settings) -> dict[str, int]:
    """Merge every mention into one row per partnership."""
    counts = dedupe_task(settings)
    log.info("dedupe: %s", ", ".join(f"{v} {k}" for k, v in counts.items()))
    return counts
