"""Flow ``extract``: stored text to stored mentions through the spaCy pipeline.

Documents not yet extracted by the current extractor version are read in
batches; each batch goes through ``nlp.pipe``, and as its documents finish
their mentions replace the documents' earlier ones, ``store_every``
documents (or STORE_SECONDS' worth) per short transaction.
"""

from __future__ import annotations

import logging
import time
from contextlib import closing

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy import make_url

from extractors.parallel import extract_all, limits_of
from extractors.pipeline import extractor_version
from flows.batching import batches, spread
from flows.orchestration import api_url
from flows.progress import progress
from flows.stopping import checked
from models.errors import ConfigError
from models.records import DocumentMentions
from models.settings import Settings
from models.store import Store

log = logging.getLogger(__name__)
STORE_SECONDS = 30.0  # a group is stored after this long even if smaller than store_every


def extract_documents(doc_ids: list[int], settings: Settings) -> int:
    """Plain function behind the task; returns the number of mentions stored."""
    version = extractor_version(settings.spacy_model, settings.pair_scorer)
    store = Store(settings.database_url)
    try:
        inputs = store.load_inputs(doc_ids)
        found = extract_all(settings.spacy_model, str(settings.cache_dir), inputs, settings.batch_size,
                            settings.processes, settings.pair_scorer, limits_of(settings))
        # Stored in groups as documents finish, each in one short transaction between
        # documents (no lock held while spaCy runs): a run stopped or crashed loses
        # only the group in hand, whose documents keep their old version and are read again.
        stored = 0
        group: list[DocumentMentions] = []
        since = time.monotonic()
        with closing(found):  # stopped: the workers' remaining chunks are dropped at once
            for result in progress(checked(found), "extract", total=len(inputs)):
                group.append(result)
                if len(group) >= settings.store_every or time.monotonic() - since >= STORE_SECONDS:
                    stored += store.replace_mentions(group, version)
                    log.debug("extract: stored %s documents", len(group))
                    group, since = [], time.monotonic()
        if group:
            stored += store.replace_mentions(group, version)
        return stored
    finally:
        store.close()


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(doc_ids: list[int], settings: Settings) -> int:
    return extract_documents(doc_ids, settings)


@flow(name="extract")
def extract_flow(settings: Settings, force: bool = False) -> int:
    """Extract mentions from every document not yet extracted by this version."""
    if settings.task_runner == "dask" and make_url(settings.database_url).get_backend_name() == "sqlite":
        raise ConfigError("task_runner", ["dask needs PostgreSQL: every worker writes its own batch, and SQLite "
                                          "takes one writer at a time (use task_runner = \"local\")"])
    store = Store(settings.database_url)
    try:
        todo = store.documents_to_extract(extractor_version(settings.spacy_model, settings.pair_scorer), force=force)
    finally:
        store.close()
    on_dask = settings.task_runner == "dask"
    groups = (spread(todo, settings.documents_per_task, settings.dask_workers) if on_dask
              else batches(todo, settings.documents_per_task))
    if on_dask and groups:
        stored = extract_on_dask.with_options(task_runner=dask_runner(settings))(groups, settings)
    else:
        stored = sum(extract_batch(batch, settings) for batch in groups)
    log.info("extract: %d documents, %d mentions", len(todo), stored)
    return stored


@flow(name="extract-on-dask")
def extract_on_dask(groups: list[list[int]], settings: Settings) -> int:
    """One task per batch on the Dask workers; only ids travel, and each
    worker (one spaCy pipeline per worker process, loaded once) writes its
    batch's mentions itself."""
    on_worker = settings.model_copy(update={"processes": 1})  # a worker is already a process of its own
    futures = [extract_batch.submit(group, on_worker) for group in groups]
    return sum(future.result() for future in futures)


def dask_runner(settings: Settings):
    """Prefect's Dask task runner: the cluster at ``dask_address``, else a
    LocalCluster of ``dask_workers`` single-threaded worker processes."""
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    return DaskTaskRunner(cluster_kwargs=local_cluster_kwargs(settings.dask_workers))


def local_cluster_kwargs(workers: int) -> dict:
    """LocalCluster arguments: single-threaded worker processes that report
    to this process's Prefect API. Without the URL each worker started a
    temporary Prefect server of its own (seconds of start-up and a second
    database per worker) and the flow's server never saw their task runs."""
    url = api_url()
    return {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
            "env": {"PREFECT_API_URL": url} if url else {}}
