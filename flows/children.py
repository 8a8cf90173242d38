"""No process of a run outlives it.

A run starts processes of its own: Prefect's temporary API server, the
worker processes that extract large batches (and multiprocessing's resource
tracker), a Dask LocalCluster. A run that is stopped ends them itself
(``end_all``). A run killed by SIGKILL cannot, so a small guard process
started with it (``guard``) notes every process it sees below the run, two
looks a second, and when its pipe from the run closes (the run ended, in
whatever way) it ends whoever of them is still there. Linux only (/proc);
elsewhere there is no guard and ``end_all`` finds nothing.

Run as a script this file is the guard: ``python -S -P children.py PID [PID:START ...]``.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

PROC = Path("/proc")
LOOK_EVERY = 0.5  # seconds between the guard's looks at the run's descendants
PATIENCE = 2.0  # seconds a process gets to exit on SIGTERM before SIGKILL

Proc = tuple[int, int]  # (pid, start time): a pid alone may have been reused

_guard_pid: int | None = None
_guard_pipe = None  # the write end of the guard's stdin, held until this process ends


def _stat(pid: int) -> tuple[int, int, str] | None:
    """(parent pid, start time, state) of a process, or None when it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_bytes()
    except OSError:
        return None
    fields = raw[raw.rindex(b")") + 2:].split()  # the command name in parentheses may hold anything
    return int(fields[1]), int(fields[19]), fields[0].decode()


def descendants(root: int) -> list[Proc]:
    """Every living process below ``root``."""
    below: dict[int, list[Proc]] = {}
    for entry in os.scandir(PROC) if PROC.is_dir() else ():
        if entry.name.isdigit() and (st := _stat(int(entry.name))) and st[2] != "Z":
            below.setdefault(st[0], []).append((int(entry.name), st[1]))
    found, todo = [], [root]
    while todo:
        for child in below.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def alive(proc: Proc) -> bool:
    st = _stat(proc[0])
    return st is not None and st[1] == proc[1] and st[2] != "Z"


def _deaf(proc: Proc) -> bool:
    """Whether a process ignores or blocks SIGTERM. multiprocessing's resource
    tracker does: it exits by itself, after cleaning up, once its pipe from the
    run closes, and is not worth waiting for while the run still holds it."""
    try:
        lines = (PROC / str(proc[0]) / "status").read_text().splitlines()
    except OSError:
        return False
    bit = 1 << (signal.SIGTERM - 1)
    return any(line.split(":")[0] in ("SigIgn", "SigBlk") and int(line.split()[1], 16) & bit for line in lines)


def _send(procs: list[Proc], signum: int) -> None:
    for proc in procs:
        if alive(proc):
            try:
                os.kill(proc[0], signum)
            except OSError:
                pass


def end(procs: list[Proc], spare_deaf: bool = True) -> None:
    """SIGTERM (the Prefect server shuts down properly on it), then SIGKILL
    for whoever is still there after PATIENCE seconds."""
    _send(procs, signal.SIGTERM)
    waited = [p for p in procs if not (spare_deaf and _deaf(p))]
    deadline = time.monotonic() + PATIENCE
    while any(alive(p) for p in waited) and time.monotonic() < deadline:
        time.sleep(0.05)
    _send(waited, signal.SIGKILL)


def running(besides: set[Proc] = frozenset()) -> list[Proc]:
    """This process's descendants, leaving out ``besides`` and the guard
    (which ends itself once this process is gone)."""
    return [p for p in descendants(os.getpid()) if p not in besides and p[0] != _guard_pid]


def end_all() -> None:
    end(running())


def guard() -> None:
    """Start the guard of this process, once. Processes that were already
    running below this one are not the run's and are left alone."""
    global _guard_pid, _guard_pipe
    if _guard_pid is not None or not (PROC / "self" / "stat").exists():
        return
    import subprocess

    earlier = [f"{pid}:{start}" for pid, start in descendants(os.getpid())]
    # Started with SIGINT and SIGTERM blocked (a child inherits the mask, and
    # Python does not unblock them): Ctrl-C or a SIGTERM sent to the whole
    # process group must not end the guard before the run it guards.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        process = subprocess.Popen([sys.executable, "-S", "-P", __file__, str(os.getpid()), *earlier],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # a safety net, not the work: the run goes on without it
        return
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    _guard_pid, _guard_pipe = process.pid, process.stdin


def _watch(run: int, earlier: set[Proc]) -> None:
    """The guard: note every process seen below the run until the pipe from
    the run closes, then end those still alive. Noted, not looked up at the
    end: an orphan (the run's, or a Dask worker's Prefect server) belongs to
    another parent by then."""
    me, seen = os.getpid(), set()
    while True:
        seen = {p for p in seen if alive(p)} | {p for p in descendants(run) if p not in earlier and p[0] != me}
        ready, _, _ = select.select([0], [], [], LOOK_EVERY)
        if ready and not os.read(0, 512):
            break
    end(sorted(seen), spare_deaf=False)


if __name__ == "__main__":
    _watch(int(sys.argv[1]), {(int(pid), int(start)) for pid, start in (a.split(":") for a in sys.argv[2:])})
