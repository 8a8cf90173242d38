"""Ctrl-C and SIGTERM stop `citypairs run` cleanly, and no process of a run
outlives it, not even when the run is killed by SIGKILL.

Each test starts a real `citypairs run` on a temporary SQLite database and a
folder of 400 generated articles (one batch, extracted on two worker
processes beside Prefect's temporary server), waits until the workers are
there, sends the signal, and looks at what is left: the exit code, the one
line said, the processes, the database. Then it runs again, and the second
run must finish what the first left and leave the table that a run never
interrupted leaves.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]
CITYPAIRS = str(Path(sys.executable).with_name("citypairs"))
DOCUMENTS = 400  # the smallest batch that goes to worker processes (extractors.parallel.MIN_DOCUMENTS)
TAIWAN = ["Taipei", "Kaohsiung", "Taichung", "Tainan", "Taoyuan", "New Taipei", "Hsinchu County", "Yilan"]
ABROAD = [("Houston", "the United States"), ("Prague", "the Czech Republic"), ("Sendai", "Japan"),
          ("Jonava", "Lithuania"), ("Cebu City", "the Philippines"), ("Daegu", "South Korea"),
          ("Matsuyama", "Japan"), ("Makati", "the Philippines")]


def stop_line(name: str) -> str:
    return f"citypairs: stopped by {name}; work done so far is kept, the next run resumes"


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """A folder source of short articles, each stating one of 64 ties."""
    home = tmp_path_factory.mktemp("signals")
    inbox = home / "inbox"
    inbox.mkdir()
    for i in range(DOCUMENTS):
        taiwan, (city, country) = TAIWAN[i % 8], ABROAD[i // 8 % 8]
        (inbox / f"story-{i:03d}.txt").write_text(
            f"Story {i}: {taiwan} and {city}\n\n{taiwan} and {city} in {country} signed a sister city "
            f"agreement on Friday, the mayors said after talks on trade and tourism.\n")
    (home / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    return home / "sources.toml"


def command(sources: Path, db: Path) -> list[str]:
    return [CITYPAIRS, "run", "--db", f"sqlite:///{db}", "--sources", str(sources)]


def environment(work: Path) -> dict[str, str]:
    return {**os.environ, "CITYPAIRS_RAW_DIR": str(work / "raw"),
            "CITYPAIRS_CACHE_DIR": str(ROOT / "data" / "processed" / "cache"),
            "CITYPAIRS_PROCESSES": "2", "CITYPAIRS_DOCUMENTS_PER_TASK": str(DOCUMENTS)}


def run_to_the_end(sources: Path, db: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(command(sources, db), cwd=db.parent, env=environment(db.parent), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def table(db: Path) -> list[tuple]:
    from models.store import Store

    store = Store(f"sqlite:///{db}")
    try:
        return sorted((r["a"], r["b"], r["relation"], r["status"], str(r["established"]), r["n_sources"])
                      for r in store.partnerships())
    finally:
        store.close()


@pytest.fixture(scope="module")
def uninterrupted(sources, tmp_path_factory) -> list[tuple]:
    """The table of a run never interrupted, shared by every test."""
    db = tmp_path_factory.mktemp("uninterrupted") / "db.sqlite"
    run_to_the_end(sources, db)
    rows = table(db)
    assert len(rows) == 64
    return rows


def extracting_on_workers(run: psutil.Process) -> bool:
    workers = [p for p in run.children(recursive=True) if "spawn_main" in " ".join(_cmdline(p))]
    return len(workers) >= 2


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


class Interrupted:
    """A run sent a signal while it extracts, and what it left behind."""

    def __init__(self, sources: Path, db: Path, signum: signal.Signals, whole_group: bool = False):
        self.stderr_path = db.parent / "stderr.txt"
        self.family: list[psutil.Process] = []
        with (db.parent / "stdout.txt").open("w") as out, self.stderr_path.open("w") as err:
            # A session of its own: a signal to its whole group (as a terminal sends Ctrl-C) reaches no one else.
            proc = subprocess.Popen(command(sources, db), cwd=db.parent, env=environment(db.parent), stdout=out,
                                    stderr=err, start_new_session=True)
        try:
            run = psutil.Process(proc.pid)
            deadline = time.monotonic() + 300
            while not extracting_on_workers(run):
                assert proc.poll() is None, f"the run ended before it extracted: {self.stderr}"
                assert time.monotonic() < deadline, "the run never started its extraction workers"
                time.sleep(0.2)
            time.sleep(1.0)  # the workers are loading the pipeline or extracting their first chunks
            self.family = run.children(recursive=True)  # Prefect's server, the workers, their resource tracker...
            sent = time.monotonic()
            if whole_group:
                os.killpg(proc.pid, signum)
            else:
                os.kill(proc.pid, signum)
            self.returncode = proc.wait(timeout=60)
            self.took = time.monotonic() - sent
            deadline = time.monotonic() + 10
            while self.still_running() and time.monotonic() < deadline:
                time.sleep(0.2)
            self.survivors = self.still_running()
        finally:  # whatever happened, nothing of this run is left to the next test
            leftovers = list(self.family)
            if proc.poll() is None:
                leftovers += psutil.Process(proc.pid).children(recursive=True)
                proc.kill()
            proc.wait()
            for process in leftovers:
                if alive(process):
                    process.kill()

    def still_running(self) -> list[str]:
        return [" ".join(_cmdline(p)) or str(p.pid) for p in self.family if alive(p)]

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text()


def documents_stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def assert_resumed_to_the_same_table(sources: Path, db: Path, uninterrupted: list[tuple]) -> None:
    assert documents_stored(db) == DOCUMENTS, "what the stopped run stored is still there"
    again = run_to_the_end(sources, db)
    assert f"0 new documents, {DOCUMENTS} already stored" in again.stdout
    assert table(db) == uninterrupted


@pytest.mark.parametrize("signum, exit_code, whole_group", [
    (signal.SIGINT, 130, True),  # Ctrl-C in a terminal: every process of the foreground group gets it
    (signal.SIGTERM, 143, False),  # `kill`: the run alone gets it
], ids=["ctrl-c", "sigterm"])
def test_a_signal_stops_the_run_with_one_line_and_nothing_left_running(
        signum, exit_code, whole_group, sources, uninterrupted, tmp_path):
    run = Interrupted(sources, tmp_path / "db.sqlite", signum, whole_group)

    assert run.returncode == exit_code, run.stderr
    assert run.took < 15, "the run stops within seconds, not after its batch"
    lines = run.stderr.strip().splitlines()
    assert lines[-1] == stop_line(signum.name), run.stderr
    assert sum(line.startswith("citypairs: stopped") for line in lines) == 1
    assert "Traceback" not in run.stderr and "Error" not in run.stderr, run.stderr
    assert run.survivors == [], "no process of the run outlives it"
    assert_resumed_to_the_same_table(sources, tmp_path / "db.sqlite", uninterrupted)


def test_a_run_killed_by_sigkill_leaves_no_process_behind(sources, uninterrupted, tmp_path):
    run = Interrupted(sources, tmp_path / "db.sqlite", signal.SIGKILL)

    assert run.returncode == -signal.SIGKILL
    assert run.survivors == [], "the run's children die with it, though it could not end them"
    assert_resumed_to_the_same_table(sources, tmp_path / "db.sqlite", uninterrupted)
