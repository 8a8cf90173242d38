"""Bytes in, ``ParsedDocument`` out: PDF (PDFium, pdfplumber where it cannot split columns), HTML
(trafilatura; ``html_text.py``'s flat reader for pages too deep for it), plain text, Markdown.
Text is decoded by ``encodings.py``.

Every unreadable document raises ``DocumentRejected`` with a stable reason code (``empty``,
``too_large``, ``corrupt_pdf``, ``encrypted``, ``no_text_layer``, ``not_text``, ``unknown_encoding``,
``unsupported_type``; ``pdf_guard.py``'s ``pdf_*``) and a sentence saying what to do about it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import trafilatura
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.encodings import charset_of, decode, declared_charset, looks_binary
from extractors.html_text import MAX_TREE_DEPTH, flat_text, too_deep
from extractors.ocr import (OcrPage, OcrPolicy, OcrStart, OcrUnavailable, engine_version, ocr_note,
                            read_page, so_far)
from extractors.pdf_guard import MAX_CHILDREN, MAX_MEMORY_MB, MAX_SECONDS, read_streamed
from models.errors import DocumentRejected
from models.records import PageSpan, ParsedDocument

log = logging.getLogger(__name__)

PDF, HTML, TEXT, MARKDOWN = "application/pdf", "text/html", "text/plain", "text/markdown"
OCTET = "application/octet-stream"
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_PAGES = 2_000  # a PDF longer than this is a book or a bomb, not a source
_EXTENSIONS = {".pdf": PDF, ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT,
               ".text": TEXT, ".md": MARKDOWN, ".markdown": MARKDOWN}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_LINE = re.compile(r"^\s*(?:date|published|dateline|日期|發布日期|發稿日期)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", re.I | re.M)
_MAX_TITLE = 150
_PLACEHOLDER_TITLES = {"", "untitled", "untitled document", "document", "title", "none"}


def check_size(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Size of the file at ``path`` from ``os.stat``; raises ``too_large`` without reading it."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise _too_large(Path(path).name, size, max_bytes)
    return size


def _too_large(name: str, size: int, max_bytes: int) -> DocumentRejected:
    return DocumentRejected("too_large", f"{name} is {size:,} bytes, over the limit of "
                            f"{max_bytes:,}; split it or raise max_bytes for this source.")


def parse_file(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    """``check_size`` first, then read and ``parse_document``."""
    check_size(path, max_bytes)
    return parse_document(Path(path).read_bytes(), Path(path).name, max_bytes=max_bytes)


def sniff_media_type(name: str, data: bytes) -> str:
    """The media type of ``data``: by magic bytes first, by the extension of ``name`` second.
    Unknown extensions are plain text when the bytes look like text, else octet-stream."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x0c").lower()
    if head.startswith(b"%pdf-"):
        return PDF
    if head.startswith((b"<!doctype html", b"<html")) or (
            head.startswith(b"<") and any(t in head for t in (b"<html", b"<head", b"<body"))):
        return HTML
    media_type = _EXTENSIONS.get(Path(name).suffix.lower())
    if media_type:
        return media_type
    return TEXT if data and not looks_binary(data) else OCTET


def parse_document(data: bytes, name: str, *, media_type: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES,
                   ocr: OcrPolicy | None = OcrPolicy(), pdf_max_seconds: float = MAX_SECONDS,
                   pdf_max_memory_mb: int = MAX_MEMORY_MB, pdf_max_children: int = MAX_CHILDREN,
                   charset: str | None = None) -> ParsedDocument:
    """Read ``data`` (the bytes of the file called ``name``); a PDF in a child process, bounded.
    ``charset`` is what the server declared (HTTP Content-Type); a ``media_type`` with a
    ``charset=`` parameter declares one too."""
    if not data:
        raise DocumentRejected("empty", f"{name} is an empty file (0 bytes); fetch it again.")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    if media_type and ";" in media_type:
        media_type, _, parameters = media_type.partition(";")
        charset = charset or charset_of(parameters)
    media_type = media_type.strip().lower() if media_type else sniff_media_type(name, data)
    sha256 = hashlib.sha256(data).hexdigest()
    if media_type == PDF:
        return read_streamed(lambda send: _parse_pdf(data, name, sha256, max_pages, ocr, send), name,
                             pdf_max_seconds, pdf_max_memory_mb, pdf_max_children,
                             salvage=lambda parts: _pdf_so_far(parts, name, sha256, pdf_max_seconds))
    if media_type in (HTML, "application/xhtml+xml"):
        return _parse_html(data, name, sha256, charset)
    if media_type in (TEXT, MARKDOWN):
        return _parse_text(data, name, sha256, media_type, charset)
    raise DocumentRejected("unsupported_type", f"{name} is {media_type}; citypairs reads PDF, "
                           "HTML, plain text and Markdown only - convert it to one of those.")


def detect_lang(text: str) -> str:
    """'ja' when kana and ideographs are more than 30% of the letters and
    kana a tenth of them (Japanese writes its particles in kana, Chinese has
    none); 'zh' when ideographs alone are; else 'en'."""
    sample = text[:20_000]
    letters = sum(1 for c in sample if c.isalpha())
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"
              or "\uf900" <= c <= "\ufaff")
    kana = sum(1 for c in sample if "\u3040" <= c <= "\u30ff")
    if letters and (cjk + kana) / letters > 0.3 and kana >= 0.1 * (cjk + kana):
        return "ja"
    return "zh" if letters and cjk / letters > 0.3 else "en"


def _normalise(text: str) -> str:
    # A NUL past the binary check's sample is dropped: PostgreSQL cannot
    # store one in text, and it carries nothing to read.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").lstrip("\ufeff")


def _first_line(text: str) -> str | None:
    lines = (ln.strip() for ln in text.split("\n") if ln.strip() and not _DATE_LINE.match(ln))
    line = next(lines, None)
    return line if line and len(line) <= _MAX_TITLE else None


def _empty(name: str, what: str) -> DocumentRejected:
    return DocumentRejected("empty", f"{name} contains no {what}; nothing to extract.")


def _parse_text(data: bytes, name: str, sha256: str, media_type: str,
                charset: str | None = None) -> ParsedDocument:
    decoded = decode(data, name, charset)
    text = _normalise(decoded.text)
    if not text.strip():
        raise _empty(name, "text")
    title = None
    if media_type == MARKDOWN:
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        title = heading.group(1) if heading else None
    title = title or _first_line(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S))
    published = None
    if match := _DATE_LINE.search("\n".join(text.split("\n")[:12])):
        try:
            published = dt.date(*map(int, match.groups()))
        except ValueError:
            published = None
    return ParsedDocument(sha256=sha256, media_type=media_type, text=text, title=title,
                          published=published, lang=detect_lang(text), encoding=decoded.encoding)


def _parse_html(data: bytes, name: str, sha256: str, charset: str | None = None) -> ParsedDocument:
    decoded = decode(data, name, declared_charset(data, charset))
    markup = _XML_DECL.sub("", _normalise(decoded.text))
    doc = None
    if too_deep(markup):
        # lxml stops building a tree a few hundred levels down: trafilatura would see nothing.
        log.info("%s: elements nest more than %s deep; read without a tree", name, MAX_TREE_DEPTH)
    else:
        try:
            doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                              include_tables=True)
        except Exception:  # trafilatura trips over odd markup; the flat reader below still applies
            doc = None
    text = _normalise(doc.text or "").strip() if doc is not None else ""
    title = ((doc.title or "").strip() or None) if doc is not None else None
    published = None
    if doc is not None and doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    if not text or not title:
        flat = flat_text(markup)
        title, text = title or flat.title, text or flat.text
    if not text.strip():
        raise _empty(name, "visible text")
    return ParsedDocument(sha256=sha256, media_type=HTML, text=text, title=title,
                          published=published, lang=detect_lang(text), encoding=decoded.encoding)


def _pdf_rejection(name: str, exc: BaseException) -> DocumentRejected:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return DocumentRejected("encrypted", f"{name} is password-protected; get an unprotected "
                                "copy (or decrypt it, e.g. qpdf --decrypt) and add it again.")
    return DocumentRejected("corrupt_pdf", f"{name} is not a readable PDF "
                            f"({type(cause).__name__}: {cause}); download it again.")


def _pdfium_rejection(name: str, exc: BaseException) -> DocumentRejected:
    if "password" in str(exc).lower():
        return DocumentRejected("encrypted", f"{name} is password-protected; get an unprotected "
                                "copy (or decrypt it, e.g. qpdf --decrypt) and add it again.")
    return DocumentRejected("corrupt_pdf", f"{name} is not a readable PDF ({exc}); download it again.")


def _page_text(page) -> str:
    """A page's text; a page set in two columns (a bilingual agreement with
    the languages side by side) is read column by column, not line by line
    across both. A page box need not start at 0,0 (where PDFium could not
    split it): x is taken from the box's left edge."""
    x0 = page.bbox[0]
    gutter = _gutter([{**w, "x0": w["x0"] - x0, "x1": w["x1"] - x0} for w in page.extract_words()],
                     page.width)
    if gutter is None:
        return page.extract_text() or ""
    left = page.crop((0, 0, gutter, page.height), relative=True).extract_text() or ""
    right = page.crop((gutter, 0, page.width, page.height), relative=True).extract_text() or ""
    return f"{left}\n\n{right}"


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of an empty vertical band in the middle of the page that
    splits the words into two real columns, if there is one."""
    if len(words) < 8:
        return None
    lo, hi = width * 0.35, width * 0.65
    # The gaps between the words' x-extents, clipped to the middle band.
    spans = sorted((w["x0"], w["x1"]) for w in words if w["x1"] > lo and w["x0"] < hi)
    gaps, reach = [], lo
    for x0, x1 in spans:
        if x0 > reach:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    if reach < hi:
        gaps.append((reach, hi))
    for start, end in sorted(gaps, key=lambda g: g[0] - g[1]):  # the widest first
        if end - start < 6:  # narrower than a couple of spaces: words, not columns
            break
        x = (start + end) / 2
        # Columns are counted in lines: a Chinese line is one 'word'.
        left = {round(w["top"]) for w in words if w["x1"] <= x}
        right = {round(w["top"]) for w in words if w["x0"] >= x}
        if min(len(left), len(right)) >= 3 and min(len(left), len(right)) >= 0.3 * max(len(left), len(right)):
            return x
    return None


def _parse_pdf(data: bytes, name: str, sha256: str, max_pages: int = DEFAULT_MAX_PAGES,
               ocr: OcrPolicy | None = None,
               send: Callable[[object], None] = lambda part: None) -> ParsedDocument:
    """Text per page from PDFium (hundreds of pages a second), a page laid
    out in two columns read column by column; pdfplumber (twenty times
    slower) only where PDFium cannot split such a page; then OCR, whose
    progress goes to ``send`` (``OcrStart``, an ``OcrPage`` per page)."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _pdfium_rejection(name, exc) from exc
    page_texts: list[str] = []
    columned: list[int] = []
    if len(pdf) > max_pages:
        pages = len(pdf)
        pdf.close()
        raise DocumentRejected("too_large", f"{name} has {pages:,} pages, more than max_pdf_pages "
                               f"({max_pages:,}); split it, or raise the setting.")
    try:
        meta_title = pdf.get_metadata_dict().get("Title")
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                runs = [textpage.get_rect(k) for k in range(textpage.count_rects())]
                words = [{"x0": left, "x1": right, "top": -top} for left, _, right, top in runs]
                gutter = _gutter(words, page.get_width())
                if gutter is None:
                    page_texts.append(_normalise(textpage.get_text_range()).strip())
                    continue
                # Two columns (a bilingual agreement side by side): each read on its own.
                width, height = page.get_size()
                left = textpage.get_text_bounded(0, 0, gutter, height)
                right = textpage.get_text_bounded(gutter, 0, width, height)
                if left.strip() and right.strip():
                    page_texts.append(_normalise(f"{left.strip()}\n\n{right.strip()}"))
                else:
                    columned.append(index)  # PDFium could not split it: pdfplumber will
                    page_texts.append("")
            finally:
                textpage.close()
                page.close()
        if columned:  # before OCR: the text layer sent ahead of OCR's pages is then whole
            try:
                with pdfplumber.open(io.BytesIO(data)) as plumbed:
                    for index in columned:
                        page_texts[index] = _normalise(_page_text(plumbed.pages[index])).strip()
            except Exception as exc:  # pdfminer raises many unrelated types on malformed files
                raise _pdf_rejection(name, exc) from exc
        blank = [i for i, text in enumerate(page_texts) if not text and i not in columned]
        text_source, ocr_problem = (_ocr_pages(pdf, blank, page_texts, ocr, meta_title, send)
                                    if blank and ocr else (None, None))
    except pdfium.PdfiumError as exc:
        raise _pdfium_rejection(name, exc) from exc
    finally:
        pdf.close()
    if not page_texts:
        raise DocumentRejected("corrupt_pdf", f"{name} has no readable pages; download it again.")
    if not any(page_texts):
        why = ocr_problem or ("OCR found no text either" if ocr else "OCR is off")
        raise DocumentRejected("no_text_layer", f"{name} has {len(page_texts)} page(s) but no text "
                               f"layer and {why}.")
    return _pdf_document(page_texts, meta_title, sha256, text_source)


def _pdf_document(page_texts: list[str], meta_title: object, sha256: str,
                  text_source: str | None) -> ParsedDocument:
    """The pages joined, each with its span: evidence keeps its page number."""
    parts, spans, offset = [], [], 0
    for number, page_text in enumerate(page_texts, start=1):
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(page_text)
        spans.append(PageSpan(page=number, start=offset, end=offset + len(page_text)))
        offset += len(page_text)
    text = "".join(parts)
    if isinstance(meta_title, bytes):
        meta_title = meta_title.decode("utf-8", errors="replace")
    title = meta_title.strip() if isinstance(meta_title, str) else ""
    title = None if title.casefold() in _PLACEHOLDER_TITLES else title  # reportlab: 'untitled'
    return ParsedDocument(sha256=sha256, media_type=PDF, text=text, title=title or _first_line(text),
                          lang=detect_lang(text), pages=tuple(spans), text_source=text_source)


def _ocr_pages(pdf, blank: list[int], page_texts: list[str], policy: OcrPolicy, meta_title: object,
               send: Callable[[object], None]) -> tuple[str | None, str | None]:
    """OCR the pages without text, in place, each sent as it is done; (what
    read them, or why nothing could)."""
    try:
        engine = engine_version(policy.languages)
    except OcrUnavailable as exc:
        return None, str(exc)
    queued = blank[:policy.max_pages]
    send(OcrStart(tuple(page_texts), meta_title, engine, tuple(queued)))
    done = 0
    for index in queued:
        page, text = pdf[index], None
        try:
            text = page_texts[index] = _normalise(read_page(page, policy))
            done += 1
        except Exception:  # a timeout or an engine crash on one page: the others still count
            pass
        finally:
            page.close()
        send(OcrPage(index, text))
    return (ocr_note(engine, done, len(page_texts), len(blank) - done),
            None if done else "OCR could not read it")


def _pdf_so_far(parts: list[object], name: str, sha256: str,
                limit_s: float) -> ParsedDocument | None:
    """A PDF stopped at pdf_max_seconds during OCR: its text layer and the
    pages OCR had read, or None when that is no text at all."""
    found = so_far(parts, limit_s)
    if found is None or not any(found.page_texts):
        return None
    log.warning("%s: OCR stopped at pdf_max_seconds (%g s) after %d of %d pages; kept what was read",
                name, limit_s, found.read, found.queued)
    return _pdf_document(found.page_texts, found.meta_title, sha256, found.text_source)
