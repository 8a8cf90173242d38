"""Reading a PDF in a child process, within a time and a memory limit.

PDFium, pdfminer and Tesseract read whatever a PDF holds: a stream that
inflates to gigabytes, a parser made to spin, a file that segfaults the C
code. In this process that would take the memory, the time or the process
itself, and the run with them. So the reading runs in a forked child
(copy-on-write shares this process's memory, spaCy included, so nothing is
loaded again), whose address space may grow by ``max_memory_mb`` over what
it inherited (RLIMIT_AS) and which is killed, Tesseract with it, after
``max_seconds``. A child costs more the more this process holds resident
(page tables copied, pages copied when written, all torn down at exit):
measured, about 10 ms a PDF at 66 MB and 20 ms at 366 MB (5 ms and 13 ms
for a child that does nothing): most of a one-page PDF's time, a sixth of
a 25-page one's, so no fork server. The
``ParsedDocument`` comes back pickled through a pipe; a failure comes back
as ``DocumentRejected``: ``pdf_too_complex`` (memory), ``pdf_timeout``,
``pdf_crashed``. The child is always reaped.

A reader may send parts of its work as it goes (``read_streamed``): when
time runs out, ``salvage`` makes what it can of the parts received (OCR's
pages read so far), and only if it makes nothing is the PDF ``pdf_timeout``.
At most ``max_children`` children live at once in this process, whatever
the number of threads reading: each may take ``max_memory_mb``, and a crawl
reads with many threads. A thread finding none free waits for one.

Without ``os.fork`` (Windows) the PDF is read in this process, unbounded.
"""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from models.errors import DocumentRejected

T = TypeVar("T")
MAX_SECONDS = 180.0  # OCR of 50 scanned pages at 1.4-2 s each, with room for a busy machine
MAX_MEMORY_MB = 1_500
MAX_CHILDREN = 2  # children alive at once in this process: 2 x 1.5 GB at most on a shared server
_SLICE = 0.05  # seconds between looks at a child that sends nothing: how soon a crash is noticed
# The message's length goes first: its end is known without EOF, which a
# child forked meanwhile by another thread (holding a copy of the pipe) delays.
_HEADER = struct.Struct("!Q")
_EXIT_MEMORY = 3  # the child ran out of memory even for sending its answer
_ASKED_TO_END = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)  # a stop ended it, not the PDF
_PR_SET_PDEATHSIG = 1


class _Slots:
    """Children alive at once, counted across every thread of this process.
    A count under a condition rather than a semaphore: each caller brings
    its own limit (the settings it was given)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._busy = 0

    def take(self, limit: int) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._busy < max(1, limit))
            self._busy += 1

    def give_back(self) -> None:
        with self._changed:
            self._busy -= 1
            self._changed.notify_all()  # waiters may hold different limits

    @property
    def busy(self) -> int:
        return self._busy


SLOTS = _Slots()


@dataclass(slots=True)
class _Heard:
    """What came through the pipe: the parts sent on the way, the last word."""
    parts: list[object] = field(default_factory=list)
    # ("ok", value) | ("rejected", reason, detail) | ("memory",) | ("error", exc, text)
    last: tuple | None = None
    timed_out: bool = False


def read_bounded(read: Callable[[], T], name: str, max_seconds: float = MAX_SECONDS,
                 max_memory_mb: int = MAX_MEMORY_MB, max_children: int = MAX_CHILDREN) -> T:
    """``read()`` in a child process: its result, or ``DocumentRejected`` when
    it took more than ``max_seconds``, more than ``max_memory_mb`` of new
    memory, or crashed. ``name`` (the file's) goes into the reason's sentence.
    What ``read`` raises is raised here (a ``DocumentRejected`` keeps its
    reason); a child ended by SIGTERM, SIGINT or SIGHUP (a stop of the run)
    raises ``ChildProcessError``: that is no fault of the document's."""
    return read_streamed(lambda _send: read(), name, max_seconds, max_memory_mb, max_children)


def read_streamed(read: Callable[[Callable[[object], None]], T], name: str,
                  max_seconds: float = MAX_SECONDS, max_memory_mb: int = MAX_MEMORY_MB,
                  max_children: int = MAX_CHILDREN,
                  salvage: Callable[[list[object]], T | None] | None = None) -> T:
    """``read_bounded`` for a reader that reports as it goes: ``read(send)``
    calls ``send(part)`` with each piece of work done (picklable). If the time
    runs out, ``salvage(parts)`` is the result unless it gives None. Waits
    while ``max_children`` children of this process are alive."""
    if not hasattr(os, "fork"):
        return read(_nowhere)  # no time limit here: the whole result always comes
    SLOTS.take(max_children)
    try:
        resident = _statm(1)  # the child starts with the parent's resident pages
        reader, writer = os.pipe()
    except BaseException:  # no pipe (out of descriptors): no child either
        SLOTS.give_back()
        raise
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # no process to be had (a process limit): the machine's problem, said as it is
        os.close(reader)
        os.close(writer)
        SLOTS.give_back()
        raise
    if pid == 0:  # the child: it must never return into the caller's code
        code = 1
        try:
            os.close(reader)
            code = _child(read, writer, parent, max_memory_mb)
        except BaseException:  # a fault of this module's: said on stderr, the parent says crashed
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(writer)
    try:
        os.setpgid(pid, pid)  # the child does it too: whoever runs first, killpg finds the group
    except OSError:
        pass
    try:
        heard = _receive(reader, pid, time.monotonic() + max_seconds)
    except BaseException:
        os.close(reader)
        _end(pid)
        raise
    os.close(reader)
    if heard.last is not None:
        kind, *rest = heard.last
        if kind == "ok":
            # Tearing the child down (its copy of a large parent's memory)
            # is left to a thread, off the document's path.
            threading.Thread(target=_end, args=(pid,), name="pdf-reaper", daemon=True).start()
            return rest[0]
        _end(pid)
        if kind == "rejected":
            raise DocumentRejected(*rest)
        if kind == "memory":
            raise _too_complex(name, max_memory_mb)
        exc, text = rest
        exc.add_note(f"raised in the process reading {name}:\n{text}")
        raise exc
    status, usage = _end(pid)
    if heard.timed_out:
        if salvage is not None and heard.parts and (kept := salvage(heard.parts)) is not None:
            return kept
        raise DocumentRejected("pdf_timeout", f"{name} was still being read after pdf_max_seconds "
                               f"({max_seconds:g} s) and was stopped; split it, or raise the "
                               "setting if it is a real document.")
    signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if signum in _ASKED_TO_END:
        raise ChildProcessError(f"the process reading {name} was ended by {_signal_name(signum)}")
    grew = max(0, usage.ru_maxrss * 1024 - resident) if resident is not None else 0
    # Under its address-space limit PDFium aborts when an allocation fails
    # (often before the resident size shows it), so SIGABRT is the limit too.
    if (signum is None and os.WEXITSTATUS(status) == _EXIT_MEMORY) or signum == signal.SIGABRT \
            or grew >= max_memory_mb * 2**19:
        raise _too_complex(name, max_memory_mb)
    how = _signal_name(signum) if signum is not None else f"exit status {os.WEXITSTATUS(status)}"
    raise DocumentRejected("pdf_crashed", f"{name} crashed the PDF reader ({how}) and was left "
                           "out; download it again, or open it elsewhere and save a new copy.")


def _nowhere(part: object) -> None:
    """``send`` where the reader runs in this process: its result will be whole."""


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:  # a real-time signal has no name
        return f"signal {signum}"


def _too_complex(name: str, max_memory_mb: int) -> DocumentRejected:
    return DocumentRejected("pdf_too_complex", f"{name} needed more than pdf_max_memory_mb "
                            f"({max_memory_mb:,} MB) to read (a decompression bomb or a hostile "
                            "structure); leave it out, or raise the setting if it is a real "
                            "document.")


def _child(read: Callable[[Callable[[object], None]], object], writer: int, parent: int,
           max_memory_mb: int) -> int:
    """The child's work; its exit code."""
    try:
        os.setpgid(0, 0)  # its own group: a timeout kills Tesseract with it
    except OSError:
        pass
    for signum in _ASKED_TO_END:
        signal.signal(signum, signal.SIG_DFL)  # the parent's handlers would only set flags
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # not in the foreground, it may still log
    _die_with(parent)
    gc.freeze()  # collections leave the inherited objects alone: their pages stay shared
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a segfault must not dump spaCy's gigabytes
    faulthandler.disable()  # a crash here is the parent's to report, as pdf_crashed
    _limit_memory(max_memory_mb)

    def send(part: object) -> None:  # each part goes out at once: a timeout keeps what came
        _write(writer, pickle.dumps(("part", part), pickle.HIGHEST_PROTOCOL))

    try:
        message = ("ok", read(send))
    except DocumentRejected as exc:  # MemoryError inside the reader may come back wrapped in one
        message = ("memory",) if _caused_by_memory(exc) else ("rejected", exc.reason, exc.detail)
    except MemoryError:
        message = ("memory",)
    except BaseException as exc:  # a bug: raised again in the parent, as it was
        message = ("error", exc, traceback.format_exc())
    try:
        try:
            payload = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
            if message[0] == "error":
                pickle.loads(payload)  # an exception whose __init__ takes other arguments does not
        except MemoryError:
            raise
        except Exception:  # what does not pickle is sent as the text of its error
            text = message[2] if message[0] == "error" else traceback.format_exc()
            payload = pickle.dumps(("error", RuntimeError(text.strip().splitlines()[-1]), text))
        _write(writer, payload)
    except MemoryError:
        return _EXIT_MEMORY
    return 0


def _write(writer: int, payload: bytes) -> None:
    """One message: its length, then its bytes (a blocking pipe: the parent reads as it comes)."""
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(writer, view):]


def _caused_by_memory(exc: BaseException | None) -> bool:
    seen = 0
    while exc is not None and seen < 20:  # pdfplumber wraps pdfminer's errors, args[0] is the cause
        if isinstance(exc, MemoryError) or any(isinstance(a, MemoryError) for a in exc.args[:1]):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _die_with(parent: int) -> None:
    """Linux: the kernel kills the child if the parent dies (SIGKILL included)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):  # not Linux: the run's guard process still ends it
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _statm(field: int) -> int | None:
    """Bytes of this process from /proc/self/statm: 0 = address space, 1 = resident."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return None


def _limit_memory(max_memory_mb: int) -> None:
    """RLIMIT_AS at what the child inherited plus its allowance: the parent's
    spaCy may already hold gigabytes of address space. Without /proc there is
    no telling what was inherited, and no limit."""
    size = _statm(0)
    if size is None:
        return
    limit = size + max_memory_mb * 2**20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = min(x for x in (limit, soft, hard) if x != resource.RLIM_INFINITY)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _receive(reader: int, pid: int, deadline: float) -> _Heard:
    """The child's messages until its last word, its end without one, or the deadline."""
    os.set_blocking(reader, False)
    poller = select.poll()
    poller.register(reader, select.POLLIN)
    heard, got, pipe_open = _Heard(), bytearray(), True
    while not _take(got, heard):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            heard.timed_out = True
            return heard
        if pipe_open and poller.poll(min(remaining, _SLICE) * 1000):
            try:
                chunk = os.read(reader, 1 << 20)
            except BlockingIOError:
                continue
            got += chunk
            pipe_open = bool(chunk)  # EOF: the child is ending; its exit is awaited below
        elif _exited(pid):
            try:  # what it wrote before it ended is still in the pipe
                while chunk := os.read(reader, 1 << 20):
                    got += chunk
            except BlockingIOError:
                pass
            _take(got, heard)
            return heard
        elif not pipe_open:
            time.sleep(min(remaining, _SLICE))
    return heard


def _take(got: bytearray, heard: _Heard) -> bool:
    """Move the whole messages at the head of ``got`` into ``heard``; whether the last word came."""
    while len(got) >= _HEADER.size and len(got) >= (end := _HEADER.size + _HEADER.unpack_from(got)[0]):
        with memoryview(got) as view:  # released before ``got`` is cut
            message = pickle.loads(view[_HEADER.size:end])
        del got[:end]
        if message[0] != "part":
            heard.last = message
            return True
        heard.parts.append(message[1])
    return False


def _exited(pid: int) -> bool:
    """Whether the child has ended, without reaping it (its status is read later)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def _end(pid: int) -> tuple[int, resource.struct_rusage]:
    """Kill the child's group (a child still there is one that timed out, or
    is ending after its message) and reap it: its status and usage."""
    try:
        for kill in (os.killpg, os.kill):  # the group: Tesseract too; the child if it has no group
            try:
                kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _, status, usage = os.wait4(pid, 0)
    finally:
        SLOTS.give_back()  # reaped: its memory is the system's again
    return status, usage
