"""Hostile PDFs are read in a child process with a time and a memory limit
(extractors/pdf_guard.py): a page tree or objects nested 100,000 deep, a page
or an object stream that inflates to 4 GB, a PDF still being read at its time
limit, a reader that segfaults. Each comes back as ``DocumentRejected`` with
its reason, within seconds, without this process's memory growing, and with
no process left behind; ordinary PDFs come back exactly as when read in this
process. Every file is written here, byte by byte."""

from __future__ import annotations

import ctypes
import hashlib
import inspect
import mmap
import os
import random
import resource
import signal
import struct
import subprocess
import threading
import time
import zlib
from pathlib import Path

import pytest

import fixtures_docs as fx
from extractors import documents
from extractors.documents import parse_document
from extractors.ocr import OcrPolicy
from extractors.pdf_guard import read_bounded
from models.errors import DocumentRejected
from models.settings import Settings

pytestmark = pytest.mark.skipif(not Path("/proc/self/statm").exists(),
                                reason="the limits need fork and /proc (Linux)")

PDF = "application/pdf"
SECONDS = 30  # each hostile file is answered well within this
GROWTH_MB = 100  # this process's peak memory may grow by this much (the 4 GB bombs would take it all)
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Sister city agreement between Hualien and Sendai) Tj ET"
DEEP = 100_000


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand: ``objects[i]`` is the body of object i + 1 (object 1
    the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


def pages_pdf(contents: list[bytes], *, catalog: bytes = b"", resources: bytes = b"",
              filters: bytes = b"") -> bytes:
    """One page per content stream (each its own object), Helvetica as /F1;
    ``catalog`` and ``resources`` are extra entries of the catalog and of every
    page's resources, ``filters`` of every content stream."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog, b"", FONT]
    kids = []
    for content in contents:
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << /F1 3 0 R >> %s >> /Contents %d 0 R >>" % (resources, len(objects) + 2))
        objects.append(stream(content, filters))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return raw_pdf(objects)


def deflated_zeros(prefix: bytes, zeros: int, unit: int = 1 << 24) -> bytes:
    """zlib data that inflates to ``prefix`` then ``zeros`` zero bytes (a multiple of
    ``unit``), made without ever holding them: after a full flush, zlib's output for
    a unit of zeros no longer depends on what came before, so it is repeated. The
    checksum is worked out: a zero byte leaves Adler-32's low half as it is and adds
    it to the high half."""
    packer = zlib.compressobj(9)
    head = packer.compress(prefix) + packer.compress(bytes(unit)) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(bytes(unit)) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()[:-4]  # the last block, without zlib's checksum of two units
    checksum = zlib.adler32(prefix)
    low, high = checksum & 0xFFFF, (checksum >> 16) + (checksum & 0xFFFF) * zeros
    return head + repeated * (zeros // unit - 1) + end + ((high % 65521) << 16 | low).to_bytes(4, "big")


def objstm_bomb(zeros: int) -> bytes:
    """The catalog kept in an object stream that inflates to ``zeros`` more bytes,
    found through a cross-reference stream (PDF 1.5)."""
    head, catalog = b"1 0 ", b"<< /Type /Catalog /Pages 2 0 R >> "
    packed = deflated_zeros(head + catalog, zeros)
    objects = {2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               4: stream(packed, b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode" % len(head))}
    out, offsets = bytearray(b"%PDF-1.7\n"), {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[5] = len(out)
    rows = [(0, 0, 65535), (2, 4, 0)] + [(1, offsets[n], 0) for n in (2, 3, 4, 5)]  # 1 is in 4
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out += b"5 0 obj\n%s\nendobj\n" % stream(table, b"/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R")
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % offsets[5])


def children_soon(seconds: float = 3.0) -> list[tuple[int, str]]:
    """The children still there after a moment: a child that answered is
    torn down by a thread, off the document's path."""
    deadline = time.monotonic() + seconds
    while (found := children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


_EARLIER: set[int] = set()


@pytest.fixture(autouse=True, scope="module")
def _earlier_children():
    """Children this process already had (a run of the whole suite leaves
    servers and workers of other tests): not this module's to answer for."""
    _EARLIER.update(pid for pid, _ in _all_children())
    yield


def children() -> list[tuple[int, str]]:
    """(pid, state) of every process whose parent is this one, zombies
    included, but for those it had before these tests."""
    return [(pid, state) for pid, state in _all_children() if pid not in _EARLIER]


def _all_children() -> list[tuple[int, str]]:
    found = []
    for entry in os.scandir("/proc"):
        try:
            raw = Path(entry.path, "stat").read_bytes() if entry.name.isdigit() else b""
        except OSError:
            continue
        fields = raw[raw.rfind(b")") + 2:].split()
        if fields and int(fields[1]) == os.getpid():
            found.append((int(entry.name), fields[0].decode()))
    return found


def rejected(read) -> tuple[DocumentRejected, float]:
    """The rejection ``read()`` raises and the seconds it took; this process's peak
    memory grows by less than GROWTH_MB and no child process is left, not even a zombie."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(DocumentRejected) as caught:
        read()
    seconds = time.monotonic() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < GROWTH_MB, f"this process grew by {grown_mb:.0f} MB"
    assert children() == []
    assert caught.value.detail
    return caught.value, seconds


def test_deflated_zeros_inflate_to_what_they_say():
    data = deflated_zeros(b"BT ET ", 4 << 16, unit=1 << 16)
    assert zlib.decompress(data) == b"BT ET " + bytes(4 << 16)  # checksum included
    assert len(deflated_zeros(b"", 4 << 30)) < 5_000_000  # 4 GB inflated, 4 MB here


class TestNesting:
    def test_a_page_tree_nested_100000_deep_is_corrupt(self):
        kids = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 3) for n in range(DEEP)]
        data = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *kids,
                        b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (DEEP + 3),
                        stream(TEXT)])
        exc, seconds = rejected(lambda: parse_document(data, "tree.pdf", media_type=PDF))
        assert exc.reason == "corrupt_pdf" and "tree.pdf" in exc.detail
        assert seconds < SECONDS

    def test_arrays_nested_100000_deep_and_nothing_else_is_no_text(self):
        nested = b"[" * DEEP + b"]" * DEEP
        data = pages_pdf([nested], catalog=b"/Deep " + nested, resources=b"/Deep " + nested)
        exc, seconds = rejected(lambda: parse_document(data, "nested.pdf", media_type=PDF, ocr=None))
        assert exc.reason == "no_text_layer" and seconds < SECONDS

    def test_the_same_nesting_beside_a_line_of_text_leaves_the_text_readable(self):
        nested = b"[" * DEEP + b"]" * DEEP
        data = pages_pdf([TEXT + b"\n" + nested], catalog=b"/Deep " + nested,
                         resources=b"/Deep " + nested)
        doc = parse_document(data, "nested.pdf", media_type=PDF, ocr=None)
        assert doc.text == "Sister city agreement between Hualien and Sendai"


class TestBombs:
    @pytest.mark.parametrize("limit_mb", [300, Settings.model_fields["pdf_max_memory_mb"].default])
    def test_a_page_that_inflates_to_4_gb_is_too_complex(self, limit_mb):
        data = pages_pdf([deflated_zeros(TEXT + b"\n", 4 << 30)], filters=b"/Filter /FlateDecode")
        exc, seconds = rejected(lambda: parse_document(data, "bomb.pdf", media_type=PDF,
                                                       pdf_max_memory_mb=limit_mb))
        assert exc.reason == "pdf_too_complex"
        assert "bomb.pdf" in exc.detail and f"({limit_mb:,} MB)" in exc.detail
        assert seconds < SECONDS

    def test_an_object_stream_that_inflates_to_4_gb_is_too_complex(self):
        data = objstm_bomb(4 << 30)
        exc, seconds = rejected(lambda: parse_document(data, "objects.pdf", media_type=PDF,
                                                       pdf_max_memory_mb=300))
        assert exc.reason == "pdf_too_complex" and "objects.pdf" in exc.detail
        assert seconds < SECONDS

    def test_python_out_of_memory_is_too_complex_even_as_the_cause_of_a_rejection(self):
        def wrapped():  # as the pdfplumber fallback turns any error into corrupt_pdf
            try:
                bytearray(4 << 30)
            except MemoryError as exc:
                raise documents._pdf_rejection("cols.pdf", exc) from exc

        for read in (lambda: bytearray(4 << 30), wrapped):
            exc, _ = rejected(lambda: read_bounded(read, "cols.pdf", max_memory_mb=100))
            assert exc.reason == "pdf_too_complex" and "(100 MB)" in exc.detail

    def test_the_memory_limit_counts_what_the_child_adds_not_what_it_inherits(self):
        # 4 GB of address space this process holds (as spaCy's models would), never touched
        held = mmap.mmap(-1, 4 << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS
                         | getattr(mmap, "MAP_NORESERVE", 0))
        try:
            doc = parse_document(pages_pdf([TEXT]), "small.pdf", media_type=PDF, ocr=None,
                                 pdf_max_memory_mb=100)
        finally:
            held.close()
        assert doc.text.startswith("Sister city agreement")


def dense_page(number: int, lines: int = 110) -> bytes:
    body = b"\n".join(b"1 0 0 1 50 %d Tm (Line %d of page %d: the council met the delegation) Tj"
                      % (800 - 7 * (k % 110), k, number) for k in range(lines))
    return b"BT /F1 6 Tf\n" + body + b"\nET"


class TestTime:
    def test_a_pdf_still_being_read_at_the_time_limit_is_stopped(self):
        data = pages_pdf([dense_page(n) for n in range(1500)])  # seconds of PDFium's work
        exc, seconds = rejected(lambda: parse_document(data, "minutes.pdf", media_type=PDF,
                                                       ocr=None, pdf_max_seconds=0.5))
        assert exc.reason == "pdf_timeout"
        assert "minutes.pdf" in exc.detail and "(0.5 s)" in exc.detail
        assert seconds < 3.0

    def test_a_timeout_ends_what_the_reader_started(self, tmp_path):
        def read():
            sleeper = subprocess.Popen(["sleep", "60"])  # as OCR starts Tesseract
            (tmp_path / "pid").write_text(str(sleeper.pid))
            time.sleep(60)

        exc, seconds = rejected(lambda: read_bounded(read, "scan.pdf", max_seconds=1.0))
        assert exc.reason == "pdf_timeout" and seconds < 3.0
        stat = Path("/proc", (tmp_path / "pid").read_text(), "stat")
        deadline = time.monotonic() + 2
        while stat.exists() and b") Z" not in stat.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.05)  # killed; its new parent reaps it
        assert not stat.exists() or b") Z" in stat.read_bytes()

    def test_a_slow_pdf_does_not_hold_up_the_others_read_beside_it(self, tmp_path):
        # 1,900 pages of twice the text (under the page and size limits):
        # PDFium needs well over the 3 s limit on a fast, idle machine too
        # (1,500 single pages took 2.6 s on one).
        slow = pages_pdf([dense_page(n, lines=220) for n in range(1900)])
        quick = fx.one_page_pdf(tmp_path).read_bytes()
        times: list[float] = []

        def read_quick():
            for _ in range(5):
                started = time.monotonic()
                parse_document(quick, "one.pdf", media_type=PDF)
                times.append(time.monotonic() - started)

        threads = [threading.Thread(target=read_quick) for _ in range(3)]
        for thread in threads:
            thread.start()
        with pytest.raises(DocumentRejected) as caught:
            parse_document(slow, "minutes.pdf", media_type=PDF, ocr=None, pdf_max_seconds=3.0)
        for thread in threads:
            thread.join()
        assert caught.value.reason == "pdf_timeout"
        assert len(times) == 15 and max(times) < 2.8  # none waited the slow one's 3 s out


def test_no_more_than_max_children_readers_live_at_once_and_the_others_wait(tmp_path):
    # as a crawl's eight fetch threads would each fork one
    most, done, stop = [0], [], threading.Event()

    def watch():
        while not stop.is_set():
            most[0] = max(most[0], sum(state != "Z" for _, state in children()))
            time.sleep(0.01)

    def read(n: int) -> None:
        done.append(read_bounded(lambda: time.sleep(0.4) or n, f"{n}.pdf", max_children=2))

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.monotonic()
    threads = [threading.Thread(target=read, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert sorted(done) == list(range(6)), "every reader waited for its turn, none was refused"
    assert most[0] == 2 and time.monotonic() - started >= 3 * 0.4
    assert children_soon() == []


class TestCrashes:
    def test_a_reader_that_segfaults_is_pdf_crashed_and_this_process_goes_on(self, monkeypatch, tmp_path):
        data = fx.one_page_pdf(tmp_path).read_bytes()
        with monkeypatch.context() as patched:
            patched.setattr(documents, "_parse_pdf", lambda *args: ctypes.string_at(0))
            exc, seconds = rejected(lambda: parse_document(data, "agreement.pdf", media_type=PDF))
        assert exc.reason == "pdf_crashed" and "SIGSEGV" in exc.detail and "agreement.pdf" in exc.detail
        assert parse_document(data, "agreement.pdf", media_type=PDF).title == "Hualien-Sendai Agreement"

    def test_a_reader_ended_by_a_stop_is_not_the_documents_fault(self):
        with pytest.raises(ChildProcessError, match="SIGTERM"):
            read_bounded(lambda: os.kill(os.getpid(), signal.SIGTERM) or time.sleep(5), "a.pdf")
        assert children() == []

    def test_what_the_reader_raises_is_raised_here(self):
        with pytest.raises(ZeroDivisionError):
            read_bounded(lambda: 1 / 0, "a.pdf")
        with pytest.raises(DocumentRejected) as caught:
            read_bounded(lambda: (_ for _ in ()).throw(DocumentRejected("encrypted", "x")), "a.pdf")
        assert (caught.value.reason, caught.value.detail) == ("encrypted", "x")


LEFT = [f"Article {n}. Hualien County and the City of Sendai agree." for n in range(12)]
RIGHT = [f"第{n}條 花蓮縣與仙台市同意推動交流。" for n in range(12)]


def two_page(tmp_path: Path) -> Path:
    return fx.two_page_pdf(tmp_path)


def two_column(tmp_path: Path) -> Path:
    return fx.two_column_pdf(tmp_path / "columns.pdf", LEFT, RIGHT)


def bilingual_sample(tmp_path: Path) -> Path:
    return Path(__file__).resolve().parents[1] / "data/samples/agreements/hualien-sendai-friendship-mou.pdf"


def bench_mix(tmp_path: Path) -> Path:
    from flows.bench_pdf import make_pdf

    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf(random.Random(7), 6, 0.5)[0])  # half the pages in two columns
    return path


@pytest.mark.parametrize("make", [two_page, two_column, bilingual_sample, bench_mix])
def test_ordinary_pdfs_come_back_exactly_as_read_in_this_process(make, tmp_path):
    path = make(tmp_path)
    data = path.read_bytes()
    here = documents._parse_pdf(data, path.name, hashlib.sha256(data).hexdigest(),
                                documents.DEFAULT_MAX_PAGES, OcrPolicy())
    child = parse_document(data, path.name, media_type=PDF)
    assert child == here and child.text == here.text and child.pages == here.pages
    assert children_soon() == []


def test_two_columns_are_still_read_column_by_column(tmp_path):
    doc = parse_document(two_column(tmp_path).read_bytes(), "columns.pdf")
    assert doc.text.index(LEFT[-1]) < doc.text.index(RIGHT[0])  # the whole left column first


def test_parse_document_defaults_are_the_settings_defaults():
    # flows that do not pass the settings get the same limits
    params = inspect.signature(parse_document).parameters
    for name in ("pdf_max_seconds", "pdf_max_memory_mb", "pdf_max_children"):
        assert params[name].default == Settings.model_fields[name].default
