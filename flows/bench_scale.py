"""``citypairs bench-scale``: how the merge step of dedupe grows with the
number of mentions.

Each size runs in a fresh process (so its peak memory is its own): it
generates that many mentions over a fifth as many partnerships (several
sources each, near-copies among them, every event and precision), then
times ``extractors.merge.merge`` on them. What is measured is the merge
in memory, the step whose cost grows with the table; reading mentions from
the database and writing the changed rows come on top of it.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import random
import resource
import time
from dataclasses import dataclass

SIZES = (100_000, 300_000, 1_000_000)
RELATIONS = ("sister", "friendship", "mou", "cooperation", "other")
EVENTS = ("established", "established", "renewed", "proposed", "terminated")
PRECISIONS = ("day", "month", "year", None)
THEMES = ("economy_trade", "education_youth", "tourism", "culture_arts", "technology_smart_city")


@dataclass(frozen=True, slots=True)
class ScaleResult:
    mentions: int
    partnerships: int
    seconds: float
    peak_rss_mb: float


def _mentions(n: int, seed: int = 1):
    from models.rows import StoredMention

    rng = random.Random(seed)
    pairs = max(1, n // 5)
    out = []
    for i in range(n):
        pair = rng.randrange(pairs)
        doc = rng.randrange(n // 3 + 1)
        date = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(23_000))
        out.append(StoredMention(
            id=i, document_id=doc, cluster_id=doc - doc % 3, published=date + dt.timedelta(days=rng.randrange(30)),
            a_id=f"TW-{pair % 22:02d}", b_id=f"gn:{pair}", relation=RELATIONS[pair % len(RELATIONS)],
            event=rng.choice(EVENTS), event_date=date if rng.random() < 0.7 else None,
            date_precision=rng.choice(PRECISIONS), themes=tuple(rng.sample(THEMES, rng.randrange(3))),
            confidence=round(rng.uniform(0.1, 0.99), 3)))
    return out


def _one(n: int, queue) -> None:
    from extractors.merge import merge

    mentions = _mentions(n)
    start = time.perf_counter()
    rows = merge(mentions)
    seconds = time.perf_counter() - start
    queue.put(ScaleResult(n, len(rows), seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run_scale_bench(sizes: tuple[int, ...] = SIZES) -> list[ScaleResult]:
    context = multiprocessing.get_context("spawn")
    results = []
    for n in sizes:
        queue = context.Queue()
        worker = context.Process(target=_one, args=(n, queue))
        worker.start()
        results.append(queue.get())
        worker.join()
    return results


def report_lines(results: list[ScaleResult]) -> list[str]:
    lines = [f"{r.mentions:>9,} mentions -> {r.partnerships:>7,} partnerships: merge {r.seconds:6.1f} s, "
             f"peak memory {r.peak_rss_mb:6.0f} MB" for r in results]
    if len(results) > 1:
        lines.append(growth_line(results[0].mentions, results[0].seconds, results[-1].mentions, results[-1].seconds))
    return lines


def growth_line(small_n: int, small_s: float, big_n: int, big_s: float) -> str:
    """How time grew from the smallest size to the largest, beside n log n."""
    ratio = big_n / small_n
    nlogn = ratio * math.log(big_n) / math.log(small_n)
    return f"{ratio:.0f}x the mentions took {big_s / small_s:.1f}x the time (n log n would be {nlogn:.1f}x)"
