"""Extraction on both cores for large batches.

spaCy's own ``n_process`` ships each Doc back to the parent, and our Doc
extensions hold Python objects it cannot serialise; so the batch is cut
into chunks instead, each worker process builds the pipeline once and
returns typed ``DocumentMentions``. A worker costs a few seconds to start,
so small batches stay in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from models.records import DocumentInput, DocumentMentions

MIN_DOCUMENTS = 400  # below this, starting workers costs more than it saves
CHUNK = 50

_worker: dict = {}


def _init(model: str, cache_dir: str, batch_size: int, scorer: str, limits) -> None:
    _follow_parent()
    from extractors.pipeline import build_pipeline

    _worker.update(nlp=build_pipeline(model, cache_dir, scorer), batch_size=batch_size, limits=limits)


def _follow_parent() -> None:
    """A worker leaves stopping to its parent, and dies with it. Ctrl-C
    reaches every process of the terminal's group: the parent stops the run
    and ends its workers, so a worker ignores it (a KeyboardInterrupt here
    would only print a traceback). A parent killed by SIGKILL ends nothing:
    the worker sees that its parent changed and exits. (PR_SET_PDEATHSIG
    would fire when the thread that started the worker ends, not the parent
    process, and is Linux only.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked until now: see extract_all
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def _run(chunk: list[DocumentInput]) -> list[DocumentMentions]:
    from extractors.pipeline import extract

    return list(extract(_worker["nlp"], chunk, _worker["batch_size"], _worker["limits"]))


def limits_of(settings):
    """The per-document bounds the settings give."""
    from extractors.pipeline import Limits

    return Limits(max_chars=settings.max_text_chars, max_seconds=settings.max_extract_seconds)


def extract_all(model: str, cache_dir: str, inputs: Sequence[DocumentInput], batch_size: int,
                processes: int, scorer: str = "", limits=None) -> Iterator[DocumentMentions]:
    """Mentions for each input, in input order, on ``processes`` cores."""
    from extractors.pipeline import Limits, build_pipeline, extract

    limits = limits or Limits()
    if processes <= 1 or len(inputs) < MIN_DOCUMENTS:
        yield from extract(build_pipeline(model, cache_dir, scorer), inputs, batch_size, limits)
        return
    chunks = [list(inputs[i:i + CHUNK]) for i in range(0, len(inputs), CHUNK)]
    # 'spawn': the caller may run threads (Prefect does), which fork does not survive.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_init,
                               initargs=(model, cache_dir, batch_size, scorer, limits))
    try:
        # The workers start in map() and inherit this thread's blocked SIGINT
        # until _init ignores it. Blocked here, not earlier: multiprocessing
        # unblocks it after starting its resource tracker in the pool above.
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            chunk_results = pool.map(_run, chunks)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        for results in chunk_results:
            yield from results
    finally:  # a caller that stops reading (a stopped run) does not wait for the chunks not yet started
        pool.shutdown(cancel_futures=True)
