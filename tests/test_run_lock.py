"""Two jobs on one database: the second waits for the first, a killed job
leaves no lock behind, and two `citypairs run` at once both finish with
the table one run makes. Real processes and signals, both databases."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from models.run_lock import run_lock

ROOT = Path(__file__).resolve().parents[1]


def holder(db_url: str, seconds: float, marker: Path) -> subprocess.Popen:
    """A process that takes the lock, says so, and keeps it."""
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from models.run_lock import run_lock
        with run_lock({db_url!r}):
            Path({str(marker)!r}).write_text("held")
            time.sleep({seconds})
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the holder never took the lock"
        time.sleep(0.05)
    return proc


def test_a_second_job_waits_for_the_first(tmp_path, db_url):
    first = holder(db_url, 2.0, tmp_path / "held")
    waited = []
    start = time.monotonic()
    with run_lock(db_url, on_wait=lambda: waited.append(True)):
        took = time.monotonic() - start
    first.wait(timeout=30)
    assert waited == [True] and took > 1.0, "the lock was taken while the first job held it"


def test_a_killed_job_leaves_no_lock_behind(tmp_path, db_url):
    stuck = holder(db_url, 600, tmp_path / "held")
    os.kill(stuck.pid, signal.SIGKILL)
    stuck.wait(timeout=30)
    start = time.monotonic()
    with run_lock(db_url):
        pass
    assert time.monotonic() - start < 10


def test_two_runs_at_once_both_finish_with_one_runs_table(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "data" / "samples" / "articles", inbox)
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "samples"\nkind = "folder"\npath = "inbox"\n')
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    env = {**os.environ, "CITYPAIRS_RAW_DIR": str(tmp_path / "raw"), "CITYPAIRS_CACHE_DIR": str(ROOT / "data" /
           "processed" / "cache"), "CITYPAIRS_PROCESSES": "1"}
    command = [str(Path(sys.executable).with_name("citypairs")), "run", "--db", db, "--sources",
               str(tmp_path / "sources.toml")]
    runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=600)[0] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    assert not any("Traceback" in o or "IntegrityError" in o for o in outputs)
    alone = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    single = subprocess.run([*command[:3], alone, *command[4:]], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=600)
    assert single.returncode == 0, single.stdout + single.stderr
    assert table(db) == table(alone), "two runs at once leave the table one run leaves"


def table(url: str) -> list[tuple]:
    from models.store import Store

    store = Store(url)
    try:
        return sorted((r["a"], r["b"], r["relation"], r["status"], str(r["established"]), r["n_sources"])
                      for r in store.partnerships())
    finally:
        store.close()
