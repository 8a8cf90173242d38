"""``citypairs bench-review``: the review app's pages on a large database.

Fills a fresh database with generated partnerships (100,000 by default) and
five mentions each (500,000), spread over documents, places and years the
way real data is (many Taiwanese governments, thousands of partner places,
most rows pending review), then times each page the app serves, in process,
through its ASGI interface: the queue (first and a deep page), the browse
table with each kind of filter, one partnership's provenance, and a CSV
export of a filtered view. Each page is asked several times; the median is
reported. The charts page is timed apart, in the same run: cold (the first
view draws the figures), warm (the figures kept for unchanged data), and
cold again after an analyst's decision changed the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import statistics
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from models import schema as t
from models.errors import ConfigError
from models.records import Relation, Theme
from models.settings import load_settings
from models.rows import partnership_key
from models.store import Store

TAIWAN = ["TW-TPE", "TW-NWT", "TW-TAO", "TW-TXG", "TW-TNN", "TW-KHH", "TW-KEE", "TW-HSZ", "TW-CYI", "TW-HSQ",
          "TW-MIA", "TW-CHA", "TW-NAN", "TW-YUN", "TW-CYQ", "TW-PIF", "TW-ILA", "TW-HUA", "TW-TTT", "TW-PEN",
          "TW-KIN", "TW-LIE"]
COUNTRIES = ["US"] * 40 + ["JP"] * 14 + ["KR", "PH", "CZ", "LT", "DE", "FR", "AU", "CA", "VN", "TH", "ID", "MY",
                                        "PL", "SK", "GT", "PY", "IT", "ES", "GB", "NZ"] * 2
PAGES = ["/queue", "/queue?page=2000", "/partnerships", "/partnerships?page=1000", "/partnerships?country=JP",
         "/partnerships?relation=sister&status=active", "/partnerships?theme=tourism", "/partnerships?year=2015",
         "/partnerships?tw=TW-TPE&country=US", "/partnerships?q=ville", "/partnerships/{pid}", "/decisions"]


@dataclass(frozen=True, slots=True)
class PageTime:
    path: str
    median_ms: float
    worst_ms: float
    status: int


@dataclass(frozen=True, slots=True)
class ChartsTime:
    """The charts page: drawing the figures, and answering from the kept ones."""

    path: str
    cold_ms: float  # the first view, which draws the figures
    warm: PageTime  # later views while the data stay the same
    redrawn_ms: float  # the first view after a decision changed the data
    draws: int  # figures drawn during all of it (one per state of the data)


def fill(url: str, partnerships: int, mentions_each: int = 5, seed: int = 7) -> int:
    """Generate the database; returns the id of a partnership to open."""
    rng = random.Random(seed)
    store = Store(url)
    if store.counts()["partnerships"] or store.provisional_places() or store.place(TAIWAN[0]):
        store.close()
        raise ConfigError(url, ["bench-review fills an empty database; this one has data"])
    places = [dict(id=tw, name=f"Taiwan {tw[3:]}", country="TW", level="county", provisional=0) for tw in TAIWAN]
    foreign = [dict(id=f"gn:{900000 + i}", name=f"{rng.choice(['Spring', 'Lake', 'Hill', 'Port'])}ville {i}",
                    country=rng.choice(COUNTRIES), level="city", provisional=int(i % 97 == 0)) for i in range(8000)]
    themes = [x.value for x in Theme]
    relations = [x.value for x in Relation]
    with store.engine.begin() as conn:
        conn.execute(insert(t.places), places + foreign)
        docs = [dict(sha256=hashlib.sha256(str(i).encode()).hexdigest(), source="bench", origin=f"bench/{i}.txt",
                     media_type="text/plain", size=400, title=f"Story {i}", published=dt.date(2000 + i % 25, 1, 1),
                     lang="en", text=f"Story {i}. A city signed an agreement with another.", status="extracted",
                     ingested_at=dt.datetime(2026, 1, 1)) for i in range(partnerships // 2)]
        for start in range(0, len(docs), 10000):
            conn.execute(insert(t.documents), docs[start:start + 10000])
        rows, links, mentions = [], [], []
        used: set[str] = set()
        mid = 0
        while len(rows) < partnerships:
            a, b, relation = rng.choice(TAIWAN), rng.choice(foreign)["id"], rng.choice(relations)
            key = partnership_key(a, b, relation)
            if key in used:
                continue
            used.add(key)
            pid = len(rows) + 1
            year = rng.randint(1965, 2026)
            picked = rng.sample(themes, rng.randint(0, 3))
            rows.append(dict(id=pid, key=key, a_id=a, b_id=b, relation=relation,
                             status=rng.choice(["active"] * 8 + ["proposed", "terminated"]),
                             established=dt.date(year, rng.randint(1, 12), 1), established_precision="month",
                             themes=picked, n_mentions=mentions_each, n_documents=mentions_each, n_sources=2,
                             confidence=round(rng.uniform(0.3, 1.0), 3),
                             review=rng.choice(["pending"] * 7 + ["accepted", "edited", "rejected"]),
                             priority=round(rng.uniform(1.0, 2.5), 3), reasons=["single_source"]))
            for _ in range(mentions_each):
                mid += 1
                mentions.append(dict(id=mid, key=hashlib.sha1(f"{key}{mid}".encode()).hexdigest(),
                                     document_id=rng.randint(1, len(docs)), a_id=a, b_id=b, a_text="Taipei",
                                     b_text="Springville", relation=relation, event="established",
                                     event_date=dt.date(year, 1, 1), date_precision="year", date_text=str(year),
                                     themes=picked, evidence=f"Taipei and Springville signed a {relation} agreement "
                                     f"in {year} to work together on trade and tourism.", evidence_start=0,
                                     evidence_end=80, confidence=0.8, extractor_version="bench"))
                links.append(dict(partnership_id=pid, mention_id=mid))
            if len(mentions) >= 50000:
                conn.execute(insert(t.mentions), mentions)
                mentions = []
        if mentions:
            conn.execute(insert(t.mentions), mentions)
        for start in range(0, len(rows), 10000):
            conn.execute(insert(t.partnerships), rows[start:start + 10000])
        for start in range(0, len(links), 50000):
            conn.execute(insert(t.partnership_mentions), links[start:start + 50000])
    # Planner statistics, as a live database has them (PostgreSQL's
    # autovacuum would get there by itself, later).
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()
    return partnerships // 2


def _client(url: str, tmp: str):
    with warnings.catch_warnings():  # starlette prefers a client we do not install
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from review.app import create_app

    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    return TestClient(create_app(load_settings(database_url=url, raw_dir=Path(tmp))))


def _timed(client, path: str, repeats: int) -> PageTime:
    times, status = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        status = client.get(path).status_code
        times.append((time.perf_counter() - start) * 1000)
    return PageTime(path, statistics.median(times), max(times), status)


def time_pages(url: str, pid: int, repeats: int = 7) -> list[PageTime]:
    with tempfile.TemporaryDirectory() as tmp:
        client = _client(url, tmp)
        client.get("/queue")  # warm the connection pool and the templates
        return [_timed(client, path, repeats) for path in [p.format(pid=pid) for p in PAGES]]


def time_charts(url: str, pid: int, repeats: int = 7) -> list[ChartsTime]:
    """The charts page, all rows and reviewed rows only, in a fresh app."""
    import re

    with tempfile.TemporaryDirectory() as tmp:
        client = _client(url, tmp)
        csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/queue").text)[1]
        out = []
        for path in ("/charts", "/charts?reviewed=1"):
            cold = _timed(client, path, 1)
            warm = _timed(client, path, repeats)
            # An analyst's decision changes the data: the next view draws again.
            decided = client.post(f"/partnerships/{pid}/accept", data={"csrf": csrf}, follow_redirects=False)
            redrawn = _timed(client, path, 1)
            client.post("/undo", data={"csrf": csrf}, follow_redirects=False)
            assert decided.status_code == 303 and cold.status == warm.status == redrawn.status == 200
            out.append(ChartsTime(path, cold.median_ms, warm, redrawn.median_ms, 0))
        draws = client.app.state.desk.figures.draws
        return [ChartsTime(c.path, c.cold_ms, c.warm, c.redrawn_ms, draws) for c in out]


def run_review_bench(partnerships: int = 100_000,
                     url: str | None = None) -> tuple[float, list[PageTime], list[ChartsTime]]:
    """Fill a database (a temporary SQLite file unless a URL is given) and
    time the pages; returns the seconds the fill took, the page times and
    the charts page's times."""
    with tempfile.TemporaryDirectory() as tmp:
        url = url or f"sqlite:///{tmp}/bench.db"
        start = time.perf_counter()
        pid = fill(url, partnerships)
        filled = time.perf_counter() - start
        return filled, time_pages(url, pid), time_charts(url, pid)
