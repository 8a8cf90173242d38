"""Flow ``extract``: stored text to stored mentions through the spaCy pipeline.

Documents not yet extracted by the current extractor version are read in
batches; each batch goes through ``nlp.pipe`` and its mentions replace the
document's earlier ones in one transaction.
"""

from __future__ import annotations

import logging

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.parallel import extract_all, limits_of
from extractors.pipeline import extractor_version
from flows.batching import batches
from flows.progress import progress
from models.settings import Settings
from models.store import Store

log = logging.getLogger(__name__)


def extract_documents(doc_ids: list[int], settings: Settings) -> int:
    """Plain function behind the task; returns the number of mentions stored."""
    version = extractor_version(settings.spacy_model, settings.pair_scorer)
    store = Store(settings.database_url)
    try:
        inputs = store.load_inputs(doc_ids)
        found = extract_all(settings.spacy_model, str(settings.cache_dir), inputs, settings.batch_size,
                            settings.processes, settings.pair_scorer, limits_of(settings))
        # Extraction first, then one short transaction: no lock is held while spaCy runs.
        return store.replace_mentions(list(progress(found, "extract", total=len(inputs))), version)
    finally:
        store.close()


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(doc_ids: list[int], settings: Settings) -> int:
    return extract_documents(doc_ids, settings)


@flow(name="extract")
def extract_flow(settings: Settings, force: bool = False) -> int:
    """Extract mentions from every document not yet extracted by this version."""
    store = Store(settings.database_url)
    try:
        todo = store.documents_to_extract(extractor_version(settings.spacy_model, settings.pair_scorer), force=force)
    finally:
        store.close()
    stored = sum(extract_batch(batch, settings) for batch in batches(todo, settings.documents_per_task))
    log.info("extract: %d documents, %d mentions", len(todo), stored)
    return stored
