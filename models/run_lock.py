"""One job at a time per database.

Two ``citypairs run`` (or ``ingest``, ``crawl``, ``extract``, ``dedupe``)
started at once on the same database used to race each other into unique
and foreign-key violations, and one of them lost its whole extraction. Now
the second waits for the first and then finds little left to do. The lock
belongs to the process: on PostgreSQL an advisory lock held by a
connection, on SQLite an exclusive ``flock`` on a file beside the database.
Either is released by the operating system or the server when the process
ends, even by SIGKILL, so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

log = logging.getLogger(__name__)

# pg_advisory_lock takes a bigint; this one is 'citypairs' in ASCII, truncated.
ADVISORY_KEY = 0x6369747970616972


def lock_path(database_url: str) -> Path:
    """The file whose flock stands for a SQLite database."""
    database = make_url(database_url).database or ""
    if database and database != ":memory:":
        return Path(database).with_name(Path(database).name + ".lock")
    return Path(tempfile.gettempdir()) / f"citypairs-memory-{os.getpid()}.lock"


@contextlib.contextmanager
def run_lock(database_url: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database's job lock for the block, waiting for another
    process's job to finish first (``on_wait`` is called once if so)."""
    if make_url(database_url).get_backend_name() == "postgresql":
        with _advisory(database_url, on_wait):
            yield
        return
    path = lock_path(database_url)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _advisory(database_url: str, on_wait: Callable[[], None] | None) -> Iterator[None]:
    engine = create_engine(database_url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as conn:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar()
            if not got:
                if on_wait:
                    on_wait()
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": ADVISORY_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                conn.commit()
    finally:
        engine.dispose()
