"""``citypairs bench-scale``, database part: the whole dedupe flow at scale.

For each size a fresh process fills a SQLite file (in a temporary folder)
with generated documents and mentions, and then a second fresh process runs
``flows.dedupe.dedupe`` on it end to end: near-duplicate clustering of the
documents, reading the mentions, merge, decisions, reconciliation, triage
and writing the partnership table. Only that second process is timed, and
its peak memory is its own; filling the database is reported apart.

Documents come three to a story (near-copies with about 5% of words
changed), a third as many as mentions, so clustering has real work; their
texts are 120 words, a short article. Mentions follow ``bench_scale``'s mix
(a fifth as many partnerships as mentions, every event and precision).

The database is filled with SQLAlchemy Core ``executemany`` in chunks,
straight into the schema's tables, after ``Store`` has created them:
the store's own path (``add_document`` per document, ``replace_mentions``
with a validated ``Mention`` record per row and statements per document)
would be slower still (not measured), and filling is not what is timed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.bench_scale import EVENTS, PRECISIONS, RELATIONS, THEMES, growth_line
from models.settings import Settings

WORDS_PER_DOCUMENT = 120
COPIES = 3  # documents per story
CHANGED = 0.05  # share of words a near-copy changes
CHUNK = 20_000  # rows per executemany
VERSION = "bench"


@dataclass(frozen=True, slots=True)
class FillResult:
    documents: int
    mentions: int
    seconds: float


@dataclass(frozen=True, slots=True)
class DedupeResult:
    mentions: int
    documents: int
    clusters: int
    partnerships: int  # rows in the partnership table after the run
    inserted: int  # what dedupe said it inserted
    fill_seconds: float
    seconds: float
    peak_rss_mb: float


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _chunks(rows: Iterator[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _documents(count: int, rng: random.Random) -> Iterator[dict]:
    vocabulary = [f"w{i:x}" for i in range(20_000)]
    ingested = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    story: list[str] = []
    for doc_id in range(1, count + 1):
        if (doc_id - 1) % COPIES == 0:
            story = rng.choices(vocabulary, k=WORDS_PER_DOCUMENT)
        # The story's first document is the original, the others edit it.
        words = story if (doc_id - 1) % COPIES == 0 else [
            rng.choice(vocabulary) if rng.random() < CHANGED else w for w in story]
        text = " ".join(words)
        published = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(23_000))
        # Hashed with its id: two outlets' pages differ in bytes even where the texts agree.
        yield dict(id=doc_id, sha256=hashlib.sha256(f"{doc_id}\n{text}".encode()).hexdigest(), source="bench",
                   origin=f"https://bench.invalid/{doc_id}", media_type="text/html", size=len(text),
                   title=f"Story {doc_id}", published=published, lang="en", text=text, status="extracted",
                   extractor_version=VERSION, ingested_at=ingested, extracted_at=ingested)


def _places(pairs: int) -> Iterator[dict]:
    for i in range(22):
        yield dict(id=f"TW-{i:02d}", name=f"Taiwan {i}", country="TW", level="county", provisional=0)
    for pair in range(pairs):
        yield dict(id=f"gn:{pair}", name=f"City {pair}", country="JP", level="city", provisional=0)


def _mentions(n: int, documents: int, pairs: int, rng: random.Random) -> Iterator[dict]:
    for i in range(1, n + 1):
        pair = rng.randrange(pairs)
        date = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(23_000))
        dated = rng.random() < 0.7
        precision = rng.choice(PRECISIONS) if dated else None
        start = rng.randrange(500)
        yield dict(key=hashlib.sha1(str(i).encode()).hexdigest(), document_id=rng.randrange(documents) + 1,
                   a_id=f"TW-{pair % 22:02d}", b_id=f"gn:{pair}", a_text="Taipei", b_text="Kyoto",
                   relation=RELATIONS[pair % len(RELATIONS)], event=rng.choice(EVENTS),
                   event_date=date if dated else None, date_precision=precision,
                   date_text=date.isoformat() if dated else None, themes=rng.sample(THEMES, rng.randrange(3)),
                   evidence="Taipei and Kyoto signed a sister city agreement.", evidence_start=start,
                   evidence_end=start + 48, page=None, confidence=round(rng.uniform(0.1, 0.99), 3),
                   extractor_version=VERSION)


def fill(url: str, n: int, seed: int = 1) -> FillResult:
    """A fresh database at ``url`` with ``n`` mentions over n/3 documents."""
    from sqlalchemy import insert

    from models import schema as t
    from models.store import Store

    start = time.perf_counter()
    rng = random.Random(seed)
    documents, pairs = max(1, n // 3), max(1, n // 5)
    store = Store(url)  # creates the schema through the migrations
    try:
        # One transaction per chunk: as a crawl would have left it, several commits.
        for table, rows in ((t.documents, _documents(documents, rng)), (t.places, _places(pairs)),
                            (t.mentions, _mentions(n, documents, pairs, rng))):
            for chunk in _chunks(rows):
                with store.engine.begin() as conn:
                    conn.execute(insert(table), chunk)
    finally:
        store.close()
    return FillResult(documents, n, time.perf_counter() - start)


def _fill_child(url: str, n: int, queue) -> None:
    queue.put(fill(url, n))


def _dedupe_child(settings: Settings, queue) -> None:
    from sqlalchemy import func, select

    from flows.dedupe import dedupe
    from models import schema as t
    from models.store import Store

    start = time.perf_counter()
    counts = dedupe(settings)
    seconds = time.perf_counter() - start
    peak = _peak_mb()
    store = Store(settings.database_url)
    try:
        with store.engine.connect() as conn:
            stored = conn.scalar(select(func.count()).select_from(t.partnerships))
            clusters = conn.scalar(select(func.count(func.distinct(t.documents.c.cluster_id))))
    finally:
        store.close()
    queue.put((counts.get("inserted", 0), stored, clusters, seconds, peak))


def _in_child(context, target, *args):
    """Run ``target(*args, queue)`` in a fresh process and return what it put."""
    queue = context.Queue()
    worker = context.Process(target=target, args=(*args, queue))
    worker.start()
    try:
        return queue.get()
    finally:
        worker.join()


def run_dedupe_bench(settings: Settings, sizes: tuple[int, ...], folder: Path | None = None) -> list[DedupeResult]:
    """Fill and dedupe a database per size, each step in a fresh process. The
    databases go in ``folder`` (kept) or in a temporary folder (removed)."""
    context = multiprocessing.get_context("spawn")
    results = []
    with tempfile.TemporaryDirectory(prefix="citypairs-bench-") as scratch:
        where = folder or Path(scratch)
        for n in sizes:
            url = f"sqlite:///{where / f'dedupe-{n}.db'}"
            filled: FillResult = _in_child(context, _fill_child, url, n)
            on_db = settings.model_copy(update={"database_url": url})
            inserted, stored, clusters, seconds, peak = _in_child(context, _dedupe_child, on_db)
            results.append(DedupeResult(n, filled.documents, clusters, stored, inserted, filled.seconds,
                                        seconds, peak))
    return results


def report_lines(results: list[DedupeResult]) -> list[str]:
    lines = [f"{r.mentions:>9,} mentions -> {r.partnerships:>7,} partnerships: dedupe with SQLite "
             f"{r.seconds:6.1f} s, peak memory {r.peak_rss_mb:6.0f} MB ({r.documents:,} documents in "
             f"{r.clusters:,} clusters; filling the database {r.fill_seconds:.0f} s, not timed)" for r in results]
    if len(results) > 1:
        small, big = results[0], results[-1]
        lines.append("dedupe with the database: " + growth_line(small.mentions, small.seconds, big.mentions, big.seconds))
    return lines
