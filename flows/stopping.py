"""Ctrl-C (SIGINT) and SIGTERM stop a command cleanly: one line, exit 130 or 143.

A command marked ``@stoppable`` runs its flow in a thread of its own while
the main thread waits for it (``supervised``): Python runs signal handlers
in the main thread only, and Prefect's flow engine puts its own SIGTERM
handler there for the length of a flow run, so with the flow elsewhere ours
stays. On the first signal:

1. the work is asked to stop: ``check()``, called between documents, raises
   ``Stopped`` there, so only the group of documents in hand is dropped
   (each ``store_every`` documents are written in one transaction as they
   finish) and Prefect records the flow run as crashed; the worker processes the work started are ended at once, so it
   does not wait for their chunks;
2. the work gets GRACE seconds to unwind. The run lock is released only when
   it has, so a job waiting for the lock never races it; past that (a long
   transaction, API calls to a server that is gone) the process exits anyway,
   and the database rolls back what was not committed, as after a crash;
3. every child process is ended, one line is printed, and the process exits
   with 128 + the signal number, without Prefect's exit hooks, which would
   wait on its API.

A second signal exits at once (step 3).
"""

from __future__ import annotations

import contextvars
import functools
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import NoReturn, TypeVar

from flows import children

T = TypeVar("T")
SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE = 5.0  # seconds the work gets to unwind after a signal

_asked: int | None = None  # the signal that asked for a stop


class Stopped(BaseException):
    """A stop was asked for. A BaseException, like KeyboardInterrupt, so that
    no ``except Exception`` on the way out takes it for an error to handle."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def check() -> None:
    """Raise Stopped if a stop was asked for: call it where stopping is safe."""
    if _asked is not None:
        raise Stopped(_asked)


def checked(items: Iterable[T]) -> Iterator[T]:
    """The items, with a check before each. An error while a stop is under
    way (the worker processes producing the items were ended) is the stop."""
    iterator = iter(items)
    while True:
        check()
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception:
            check()
            raise
        yield item


def stoppable(command: Callable[..., T]) -> Callable[..., T]:
    """Make a command stop cleanly on SIGINT or SIGTERM."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        previous = {}
        try:
            for signum in SIGNALS:
                previous[signum] = signal.signal(signum, _on_signal)
            children.guard()
            return command(*args, **kwargs)
        except Stopped as stop:
            _leave(stop.signum)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    return wrapper


def supervised(work: Callable[[], T]) -> T:
    """Run ``work`` in a thread while this thread waits for it and for
    signals; outside a stoppable command, just run it."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not _on_signal:
        return work()
    earlier = set(children.running())  # Prefect's server: it must outlive the work whose end it records
    outcome: dict[str, object] = {}
    context = contextvars.copy_context()
    # An Event, not Thread.join: Python 3.11 takes a join interrupted by an
    # exception from a signal handler for the end of the thread.
    done = threading.Event()

    def body() -> None:
        try:
            outcome["value"] = context.run(work)
        except BaseException as exc:  # handed to the main thread as it is
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=body, name="citypairs-work", daemon=True).start()
    try:
        while not done.wait(0.25):  # not forever: a signal the kernel gave another thread is handled here within that
            pass
    except Stopped as stop:
        children.end(children.running(besides=earlier))  # the work stops waiting for its workers' chunks
        if not done.wait(GRACE):
            _leave(stop.signum)  # never return, and release the run lock, while the work may still write
        raise
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _on_signal(signum: int, frame) -> None:
    global _asked
    if _asked is not None:
        _leave(signum)
    _asked = signum
    # What Prefect logs while the flow run unwinds (the crash, API calls to a
    # server Ctrl-C may have stopped) is not for the user.
    logging.disable(logging.CRITICAL)
    raise Stopped(signum)


def _leave(signum: int) -> NoReturn:
    logging.disable(logging.CRITICAL)
    children.end_all()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a stream closed or mid-write: the line below still goes out
            pass
    name = signal.Signals(signum).name
    os.write(2, f"citypairs: stopped by {name}; work done so far is kept, the next run resumes\n".encode())
    os._exit(128 + signum)
