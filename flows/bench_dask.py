"""The extraction part of ``citypairs bench-scale``: words/s of the extract
flow on the local path and on 1 and 2 Dask workers, in one run.

The corpus is ``citypairs bench``'s generated articles (each a different
pair, length and number; extraction does not look for near-duplicates, so
they cost what distinct texts cost). It is stored once in a throwaway
PostgreSQL database; each configuration then starts from its own copy
(``CREATE DATABASE ... TEMPLATE``), so every run extracts every document
into an empty mentions table. What is timed is one call of the extract flow:
Prefect's flow and task runs, reading the texts, spaCy and writing the
mentions. Prefect's temporary server, the Dask cluster's start and loading
the pipeline (in this process, or once in each worker) come before the clock
starts and are reported apart.
"""

from __future__ import annotations

import logging
import os
import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from flows.bench import article
from models.records import DocumentInput, ParsedDocument
from models.settings import Settings
from models.store import Store

log = logging.getLogger(__name__)

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
WORKERS = (1, 2)
# Each Dask configuration three times and the local path twice, in mirrored
# order, and the best run of each reported: on a shared machine one run's
# words/s moves by 10-20% with what else runs (the same 2-worker run took
# 23 s and 28 s within ten minutes), and a drift in load then touches every
# configuration alike.
RUNS = (0, *WORKERS, *reversed(WORKERS), *WORKERS, 0)


@dataclass(frozen=True, slots=True)
class ExtractTiming:
    workers: int  # 0: the local path, in this process
    documents: int
    words: int
    mentions: int
    seconds: float
    startup_seconds: float  # cluster start and pipeline load, not in ``seconds``

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def label(self) -> str:
        if not self.workers:
            return "local path, 1 process"
        return f"Dask, {self.workers} worker{'s' if self.workers > 1 else ''}"


@dataclass(frozen=True, slots=True)
class DaskBench:
    timings: tuple[ExtractTiming, ...] = ()
    skipped: str | None = None  # why the part did not run
    # 1-minute load averages when it started and ended: others may share the machine
    load_before: float | None = None
    load_after: float | None = None


def run_dask_bench(settings: Settings, words: int = 200_000, admin_url: str = DEFAULT_ADMIN_URL,
                   seed: int = 1) -> DaskBench:
    """Time extraction of a corpus of about ``words`` words three ways; a
    PostgreSQL server that cannot be reached or refuses to create databases
    gives a ``DaskBench`` that says why instead; any later failure is raised."""
    from flows.orchestration import run_flow

    load = os.getloadavg()[0]
    unusable = _unreachable(admin_url)
    if unusable:
        return DaskBench(skipped=f"extraction part skipped: PostgreSQL at {_safe(admin_url)} not usable "
                                 f"({unusable})", load_before=load)
    texts = corpus(words, seed)
    total_words = sum(len(t.split()) for t in texts)
    timings = []
    with throwaway_databases(admin_url) as new_database:
        template = new_database(None)
        store = Store(template)
        try:
            for i, body in enumerate(texts):
                store.add_document("bench", f"bench/{i}", len(body), ParsedDocument(
                    sha256=f"{i:064x}", media_type="text/plain", text=body))
        finally:
            store.close()  # a template database must have no connections
        for workers in RUNS:
            config = settings.model_copy(update={
                "database_url": new_database(template), "processes": 1,
                "dask_workers": max(1, workers), "task_runner": "dask" if workers else "local"})
            # run_flow starts Prefect's temporary server (once) before _measure, so it is not timed.
            stored, seconds, startup = run_flow(_measure, config, workers)
            timings.append(ExtractTiming(workers, len(texts), total_words, stored, seconds, startup))
            log.info("bench-scale: %s took %.1f s", timings[-1].label, seconds)
    return DaskBench(tuple(timings), load_before=load, load_after=os.getloadavg()[0])


def _unreachable(admin_url: str) -> str | None:
    """Why no database can be made at ``admin_url``, or None."""
    try:
        admin = create_engine(admin_url, connect_args={"connect_timeout": 5})
        try:
            with admin.connect() as conn:
                allowed = conn.scalar(text("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"))
        finally:
            admin.dispose()
    except (SQLAlchemyError, ImportError) as exc:
        return _first_line(exc)
    return None if allowed else "its user may not create databases"


def corpus(words: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    texts: list[str] = []
    total = 0
    while total < words:
        texts.append(article(rng, len(texts)))
        total += len(texts[-1].split())
    return texts


def _measure(settings: Settings, workers: int) -> tuple[int, float, float]:
    """(mentions stored, seconds of the extract flow, seconds of start-up)."""
    from flows.extract import extract_flow

    start = time.perf_counter()
    if not workers:
        _load_pipeline(settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)
        startup = time.perf_counter() - start
        begin = time.perf_counter()
        stored = extract_flow(settings)
        return stored, time.perf_counter() - begin, startup
    from distributed import Client, LocalCluster

    from flows.extract import local_cluster_kwargs

    # The cluster extract_flow would start, started here so that its start can be left out.
    with LocalCluster(**local_cluster_kwargs(workers)) as cluster, Client(cluster) as client:
        client.run(_load_pipeline, settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)
        startup = time.perf_counter() - start
        begin = time.perf_counter()
        stored = extract_flow(settings.model_copy(update={"dask_address": cluster.scheduler_address}))
        return stored, time.perf_counter() - begin, startup


def _load_pipeline(model: str, cache_dir: str, scorer: str) -> None:
    """Build the pipelines extract_batch will find cached (the Chinese and
    Japanese ones load at the first extraction, hence one short text) and
    return nothing: on a worker, a spaCy pipeline is not to be sent back."""
    from extractors.pipeline import build_pipeline, extract

    nlp = build_pipeline(model, cache_dir, scorer)
    list(extract(nlp, [DocumentInput(key="warm-up", text="Taipei and Houston signed a sister city agreement.")]))


@contextmanager
def throwaway_databases(admin_url: str) -> Iterator:
    """A function that creates a new database (empty, or a copy of the one
    whose URL it is given) and returns its URL; every one is dropped on exit.
    These are the only statements that act on a server rather than on a
    citypairs database, which is why they are here and not in the store."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    made: list[str] = []
    prefix = f"citypairs_bench_{uuid.uuid4().hex[:8]}"

    def new_database(template_url: str | None) -> str:
        name = f"{prefix}_{len(made)}"
        template = f' TEMPLATE "{make_url(template_url).database}"' if template_url else ""
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
        made.append(name)
        return make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    try:
        yield new_database
    finally:
        try:
            with admin.connect() as conn:
                for name in reversed(made):
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        except SQLAlchemyError as exc:
            log.warning("bench-scale: could not drop %s: %s", ", ".join(made), _first_line(exc))
        admin.dispose()


def report_lines(bench: DaskBench) -> list[str]:
    if bench.skipped:
        return [bench.skipped]
    if not bench.timings:
        return []
    first = bench.timings[0]
    load = (f", load average {bench.load_before:.1f} before and {bench.load_after:.1f} after"
            if bench.load_before is not None and bench.load_after is not None else "")
    lines = [f"extract flow on PostgreSQL: {first.documents:,} generated articles, {first.words:,} words, "
             f"{first.mentions:,} mentions{load}; {os.cpu_count()} cores"]
    best: dict[int, ExtractTiming] = {}
    runs: dict[int, list[ExtractTiming]] = {}
    for r in bench.timings:
        runs.setdefault(r.workers, []).append(r)
        if r.workers not in best or r.seconds < best[r.workers].seconds:
            best[r.workers] = r
    for workers, r in best.items():
        times = ", ".join(f"{x.seconds:.1f}" for x in runs[workers])
        lines.append(f"  {r.label + ':':<24}{r.words_per_s:8,.0f} words/s  (best of {times} s; start-up "
                     f"{r.startup_seconds:4.1f} s not timed)")
    ratios = []
    if 2 in best and 1 in best:
        ratios.append(f"2 workers / 1 worker {best[2].words_per_s / best[1].words_per_s:.2f}x")
    if 1 in best and 0 in best:
        # Dask starts workers with OMP/OPENBLAS_NUM_THREADS=1; the local path's
        # matrix products may also use the second core.
        ratios.append(f"1 worker / local path {best[1].words_per_s / best[0].words_per_s:.2f}x "
                      f"(a worker's numpy is single-threaded)")
    if ratios:
        lines.append("  " + "; ".join(ratios))
    lines.append("  timed: the extract flow end to end (Prefect flow and task runs, reading texts, spaCy, "
                 "writing mentions); not timed: Prefect's server start, the Dask cluster's start, loading the "
                 "pipeline")
    return lines


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url


def _first_line(exc: BaseException) -> str:
    reason = str(getattr(exc, "orig", None) or exc).strip()
    return reason.splitlines()[0] if reason else type(exc).__name__
