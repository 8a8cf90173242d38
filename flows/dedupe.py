"""Flow ``dedupe``: mentions into the canonical partnership table.

First near-duplicate documents are grouped (one syndicated story is one
independent source), then every mention is merged by pair and relation
(places an analyst merged count as one, mentions an analyst rejected are
left out), ties an analyst added and ties that only a reference list holds
are added, analysts' decisions are applied on top, each row is
reconciled with the reference lists and gets its review-queue priority, and
the table is synced to the result. Running it again changes nothing.
"""

from __future__ import annotations

import logging

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.decisions import (
    Decision,
    added_rows,
    apply_decisions,
    place_aliases,
    rejected_mentions,
    remap,
    triage,
)
from extractors.merge import merge
from extractors.near_duplicates import cluster_documents
from extractors.reconcile import reconcile, reference_only_rows, remap_claims
from extractors.refold import refresh_all
from models.rows import now
from models.settings import Settings
from models.store import Store

log = logging.getLogger(__name__)


def dedupe(settings: Settings) -> dict[str, int]:
    store = Store(settings.database_url)
    started = now()
    try:
        store.set_clusters(cluster_documents(store.document_texts(), settings.near_duplicate_threshold))
        decisions = [Decision(d["id"], d["kind"], d["target"], d["action"], d["changes"], d["analyst"],
                              d["created_at"]) for d in store.decisions()]
        aliases = place_aliases(decisions)
        mentions = remap(store.mentions_for_dedupe(settings.min_confidence, rejected_mentions(decisions)), aliases)
        claims = remap_claims(store.reference_claims(), aliases)
        rows = merge(mentions)
        rows += added_rows(rows, decisions)
        rows = apply_decisions(rows + reference_only_rows(rows, claims), decisions)
        rows = reconcile(rows, claims, decisions, have_lists=store.has_reference_lists())
        counts = store.sync_partnerships(triage(rows, mentions, store.provisional_places()))
        # An analyst who decided while this ran saw the decision applied to
        # the old table, which the sync just replaced: fold it in again.
        late = refresh_all(store, store.decided_since(started))
        return {**counts, "refolded": late} if late else counts
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
