"""Rough speed check of find_dates and find_themes (not a test; run by hand):

    .venv/bin/python tests/bench_dates_themes.py
"""

from __future__ import annotations

import datetime as dt
import time

from extractors.dates import find_dates
from extractors.themes import find_themes, load_lexicon

SENTENCES = [
    "Taipei Mayor Chiang Wan-an signed a sister city agreement with Sapporo on Friday, "
    "March 22, 2024, to boost trade and student exchanges.",
    "臺南市與日本仙台市於民國110年3月5日簽署友好交流協定，雙方將推動觀光、教育與智慧城市合作。",
    "The two cities have been friendship cities since 1961 and renewed the MOU last month "
    "in the presence of 2,000 people.",
    "The delegation also toured the science park and met local business leaders.",
]


def rate(fn, rounds: int = 2000) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for sentence in SENTENCES:
            fn(sentence)
    return rounds * len(SENTENCES) / (time.perf_counter() - start)


if __name__ == "__main__":
    load_lexicon()
    published = dt.date(2024, 3, 25)
    print(f"find_dates:  {rate(lambda s: find_dates(s, published)):>9,.0f} sentences/s")
    print(f"find_themes: {rate(find_themes):>9,.0f} sentences/s")
