"""Extraction on both cores for large batches.

spaCy's own ``n_process`` ships each Doc back to the parent, and our Doc
extensions hold Python objects it cannot serialise; so the batch is cut
into chunks instead, each worker process builds the pipeline once and
returns typed ``DocumentMentions``. A worker costs a few seconds to start,
so small batches stay in this process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from models.records import DocumentInput, DocumentMentions

MIN_DOCUMENTS = 400  # below this, starting workers costs more than it saves
CHUNK = 50

_worker: dict = {}


def _init(model: str, cache_dir: str, batch_size: int, scorer: str, limits) -> None:
    from extractors.pipeline import build_pipeline

    _worker.update(nlp=build_pipeline(model, cache_dir, scorer), batch_size=batch_size, limits=limits)


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
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_init,
                             initargs=(model, cache_dir, batch_size, scorer, limits)) as pool:
        for results in pool.map(_run, chunks):
            yield from results
