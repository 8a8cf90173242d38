"""Flow ``ingest``: files named by the sources registry into the store.

Each document's bytes are stored once under ``data/raw`` by content hash and
its text and metadata in the ``documents`` table. Re-ingesting the same bytes
adds nothing. A file that cannot be read is recorded as failed or skipped
with its reason, a line is logged, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.documents import check_size, parse_document, sniff_media_type
from extractors.ocr import policy_of
from flows.batching import batches
from flows.progress import progress
from flows.stopping import checked
from models.blobs import BlobStore
from models.errors import DocumentRejected
from models.records import DocumentStatus
from models.settings import Settings
from models.sources import DOCUMENT_KINDS, WEB_KINDS, load_sources
from models.store import Store

log = logging.getLogger(__name__)
SKIPPED_REASONS = {"too_large", "unsupported_type", "empty", "pdf_timeout", "pdf_too_complex"}
LIMIT_REASONS = frozenset({"too_large"})  # rejections a changed setting can undo


@dataclass(frozen=True, slots=True)
class FileRef:
    source: str
    path: str
    skip: tuple[str, str] | None = None  # (reason, detail) for a path found but never to be read


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    known: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # origin, reason, detail
    missing: list[str] = field(default_factory=list)  # sources whose folder or file does not exist

    def add(self, other: "IngestReport") -> None:
        self.new += other.new
        self.known += other.known
        self.rejected += other.rejected
        self.missing += other.missing


def missing_sources(settings: Settings) -> list[str]:
    """'name: path' of each folder or file source whose path does not exist."""
    return [f"{s.name}: {s.path}" for s in load_sources(settings.sources_path)
            if s.kind not in WEB_KINDS and not s.path.exists()]


def discover(settings: Settings) -> list[FileRef]:
    refs = []
    for source in load_sources(settings.sources_path):
        if source.kind not in DOCUMENT_KINDS:
            continue  # web sources: `citypairs crawl`; reference lists: flows.references
        if not source.path.exists():
            log.error("source '%s': path %s does not exist; skipped", source.name, source.path)
            continue
        files, skipped = source.scan() if hasattr(source, "scan") else (source.files(), [])
        refs += [FileRef(source.name, str(p)) for p in files]
        refs += [FileRef(source.name, str(p), (reason, detail)) for p, reason, detail in skipped]
    return refs


def ingest_files(refs: list[FileRef], settings: Settings) -> IngestReport:
    """Plain function behind the task, so it runs without Prefect too."""
    store, blobs = Store(settings.database_url), BlobStore(settings.raw_dir)
    report = IngestReport()
    try:
        for ref in progress(checked(refs), "ingest", total=len(refs)):  # a stop lands between files
            _ingest_one(ref, store, blobs, settings, report)
    finally:
        store.close()
    return report


def _ingest_one(ref: FileRef, store: Store, blobs: BlobStore, settings: Settings, report: IngestReport) -> None:
    path = Path(ref.path)
    if ref.skip is not None:
        # Never opened: its record is keyed by its path, not its bytes.
        reason, detail = ref.skip
        key = hashlib.sha256(f"unread:{ref.source}:{ref.path}".encode()).hexdigest()
        log.warning("%r: skipped (%s: %s)", ref.path, reason, detail)
        store.add_rejected(ref.source, ref.path, key, 0, "application/octet-stream", DocumentStatus.SKIPPED,
                           reason, detail)
        report.rejected.append((ref.path, reason, detail))
        return
    try:
        size = path.stat().st_size
        sha = _sha256_file(path)
    except OSError as exc:
        log.error("%s: cannot read (%s)", path, exc.strerror or exc)
        report.rejected.append((str(path), "unreadable", str(exc)))
        return
    # Bytes rejected for a limit are read again: the limit may have been raised since.
    retry = store.forget_if_rejected_for(sha, LIMIT_REASONS) if size <= settings.max_document_bytes else False
    if not retry and store.find_document(sha) is not None:
        store.add_origin(sha, ref.source, ref.path)
        rejection = store.rejection_of(sha)
        if rejection is None:
            report.known += 1
        else:  # the same bad bytes again (a second empty file): reported like the first, not passed over
            log.warning("%r: skipped (%s: the same bytes as a file already rejected)", ref.path, rejection[0])
            report.rejected.append((ref.path, rejection[0], f"the same bytes as a rejected file: {rejection[1]}"))
        return
    media_type = "application/octet-stream"
    try:
        check_size(path, settings.max_document_bytes)
        data = path.read_bytes()
        media_type = sniff_media_type(path.name, data)
        parsed = parse_document(data, path.name, media_type=media_type, max_bytes=settings.max_document_bytes,
                                max_pages=settings.max_pdf_pages, ocr=policy_of(settings),
                                pdf_max_seconds=settings.pdf_max_seconds,
                                pdf_max_memory_mb=settings.pdf_max_memory_mb,
                                pdf_max_children=settings.pdf_max_children)
    except DocumentRejected as exc:
        status = DocumentStatus.SKIPPED if exc.reason in SKIPPED_REASONS else DocumentStatus.FAILED
        log.warning("%r: %s (%r)", str(path), status.value, str(exc))  # %r: a newline in a name forges no line
        store.add_rejected(ref.source, str(path), sha, size, media_type, status, exc.reason, exc.detail)
        report.rejected.append((str(path), exc.reason, exc.detail))
        return
    blobs.put(sha, data, path.suffix.lower())
    store.add_document(ref.source, str(path), size, parsed)
    report.new += 1


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@task(name="ingest-batch", cache_policy=NO_CACHE)
def ingest_batch(refs: list[FileRef], settings: Settings) -> IngestReport:
    return ingest_files(refs, settings)


@flow(name="ingest")
def ingest_flow(settings: Settings) -> IngestReport:
    """Read every source in the registry into the store."""
    refs = discover(settings)
    report = IngestReport(missing=missing_sources(settings))
    # Batches run one after another: SQLite takes one writer at a time.
    for batch in batches(refs, settings.documents_per_task):
        report.add(ingest_batch(batch, settings))
    log.info("ingest: %d new, %d already stored, %d rejected", report.new, report.known, len(report.rejected))
    return report
