"""SIGTERM stops `citypairs crawl` cleanly: one line, exit 143, what it
stored kept, no process left (test_signals.py holds the same for `run`).

Tried by the audit of issue 14 on a slow local site; no test held it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

from fake_site import FakeSite

ROOT = Path(__file__).resolve().parents[1]
CITYPAIRS = str(Path(sys.executable).with_name("citypairs"))


def test_sigterm_stops_a_crawl_between_fetches_keeping_what_it_stored(tmp_path):
    with FakeSite(articles=40, article_delay=1.0) as site:
        (tmp_path / "sources.toml").write_text(
            f'[[sources]]\nname = "listing"\nkind = "listing"\nurl = "{site.base}/news/"\n'
            'link_selector = "ul.stories"\nmax_pages = 3\nrequests_per_second = 0\n')
        db = tmp_path / "db.sqlite"
        env = {**os.environ, "CITYPAIRS_RAW_DIR": str(tmp_path / "raw"),
               "CITYPAIRS_CACHE_DIR": str(ROOT / "data" / "processed" / "cache")}
        crawl = subprocess.Popen([CITYPAIRS, "crawl", "--db", f"sqlite:///{db}", "--sources",
                                  str(tmp_path / "sources.toml")], cwd=tmp_path, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 240
        while sum(site.article_hits().values()) < 3 and time.monotonic() < deadline and crawl.poll() is None:
            time.sleep(0.1)
        family = [crawl.pid, *(c.pid for c in psutil.Process(crawl.pid).children(recursive=True))]
        sent = time.monotonic()
        crawl.send_signal(signal.SIGTERM)
        _, err = crawl.communicate(timeout=60)
        took = time.monotonic() - sent

    assert crawl.returncode == 143, err
    assert took < 15, "stopped within seconds, not after the 40 articles"
    assert err.strip().splitlines()[-1].startswith("citypairs: stopped by SIGTERM") and "Traceback" not in err
    time.sleep(1)
    assert not [p for p in family if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 1 <= kept < 40, "what was stored before the signal stays"
