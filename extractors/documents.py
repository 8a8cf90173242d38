"""Bytes in, ``ParsedDocument`` out: PDF (PDFium, pdfplumber where it cannot split columns), HTML
(trafilatura), plain text, Markdown.

Every unreadable document raises ``DocumentRejected`` with a stable reason code (``empty``,
``too_large``, ``corrupt_pdf``, ``encrypted``, ``no_text_layer``, ``not_text``, ``unknown_encoding``,
``unsupported_type``; ``pdf_guard.py``'s ``pdf_*``) and a sentence saying what to do about it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import os
import re
from pathlib import Path

import charset_normalizer
import pdfplumber
import pypdfium2 as pdfium
import trafilatura
from lxml import html as lxml_html
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.ocr import OcrPolicy, OcrUnavailable, engine_version, read_page
from extractors.pdf_guard import MAX_MEMORY_MB, MAX_SECONDS, read_bounded
from models.errors import DocumentRejected
from models.records import PageSpan, ParsedDocument

PDF, HTML, TEXT, MARKDOWN = "application/pdf", "text/html", "text/plain", "text/markdown"
OCTET = "application/octet-stream"
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_PAGES = 2_000  # a PDF longer than this is a book or a bomb, not a source
_EXTENSIONS = {".pdf": PDF, ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT,
               ".text": TEXT, ".md": MARKDOWN, ".markdown": MARKDOWN}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# C0 controls other than tab, newlines, form feed and ESC (ISO-2022 uses ESC), plus DEL.
_CONTROL = bytes(b for b in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_MAX_CONTROL_RATIO = 0.02
# Decode with the supersets that real Taiwanese / Chinese / Western files are written in.
_SUPERSETS = {"big5": "cp950", "gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_LINE = re.compile(r"^\s*(?:date|published|dateline|日期|發布日期|發稿日期)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", re.I | re.M)
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "header", "footer", "nav", "aside", "blockquote", "pre", "dd", "dt")
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
    return TEXT if data and not _looks_binary(data) else OCTET


def parse_document(data: bytes, name: str, *, media_type: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES,
                   ocr: OcrPolicy | None = OcrPolicy(), pdf_max_seconds: float = MAX_SECONDS,
                   pdf_max_memory_mb: int = MAX_MEMORY_MB) -> ParsedDocument:
    """Read ``data`` (the bytes of the file called ``name``); a PDF in a child process, bounded."""
    if not data:
        raise DocumentRejected("empty", f"{name} is an empty file (0 bytes); fetch it again.")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    media_type = media_type or sniff_media_type(name, data)
    sha256 = hashlib.sha256(data).hexdigest()
    if media_type == PDF:
        return read_bounded(lambda: _parse_pdf(data, name, sha256, max_pages, ocr), name,
                            pdf_max_seconds, pdf_max_memory_mb)
    if media_type in (HTML, "application/xhtml+xml"):
        return _parse_html(data, name, sha256)
    if media_type in (TEXT, MARKDOWN):
        return _parse_text(data, name, sha256, media_type)
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


def _looks_binary(data: bytes) -> bool:
    sample = data[:65_536]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    return len(sample.translate(None, _NOT_CONTROL)) / len(sample) > _MAX_CONTROL_RATIO


def _decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Text and the codec used: BOM, then UTF-8, then a declared charset, then charset-normalizer."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec.replace("-sig", ""), errors="replace"), codec
    if _looks_binary(data):
        raise DocumentRejected("not_text", f"{name} holds binary data (NUL or control bytes), not "
                               "text; check that the file is what its name says.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = _try_codec(data, declared) if declared else None
    if decoded is None:
        # best(): lowest mess ratio (chaos), then language coherence; None when nothing fits.
        best = charset_normalizer.from_bytes(data).best()
        decoded = _try_codec(data, best.encoding) if best is not None else None
    if decoded is None:
        raise DocumentRejected("unknown_encoding", f"{name} is not valid in any text encoding "
                               "that could be detected with confidence; re-save it as UTF-8.")
    return decoded


def _try_codec(data: bytes, label: str) -> tuple[str, str] | None:
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    for candidate in dict.fromkeys((_SUPERSETS.get(codec, codec), codec)):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return None


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


def _parse_text(data: bytes, name: str, sha256: str, media_type: str) -> ParsedDocument:
    text, encoding = _decode(data, name)
    text = _normalise(text)
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
                          published=published, lang=detect_lang(text), encoding=encoding)


def _visible_text(tree) -> str:
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    body = tree.find(".//body")
    raw = (body if body is not None else tree).text_content()
    return "\n".join(" ".join(line.split()) for line in raw.split("\n") if line.strip())


def _parse_html(data: bytes, name: str, sha256: str) -> ParsedDocument:
    declared = _META_CHARSET.search(data[:4096])
    markup, encoding = _decode(data, name, declared.group(1).decode("ascii") if declared else None)
    markup = _XML_DECL.sub("", _normalise(markup))
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                          include_tables=True)
    except Exception:  # trafilatura trips over odd markup; the fallback below still applies
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
        try:
            tree = lxml_html.document_fromstring(markup)
        except Exception:  # lxml refuses documents with no elements at all
            tree = None
        if tree is not None:
            title = title or " ".join((tree.findtext(".//title") or "").split()) or None
            text = text or _visible_text(tree)
    if not text.strip():
        raise _empty(name, "visible text")
    return ParsedDocument(sha256=sha256, media_type=HTML, text=text, title=title,
                          published=published, lang=detect_lang(text), encoding=encoding)


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
    across both."""
    gutter = _gutter(page.extract_words(), page.width)
    if gutter is None:
        return page.extract_text() or ""
    left = page.crop((0, 0, gutter, page.height)).extract_text() or ""
    right = page.crop((gutter, 0, page.width, page.height)).extract_text() or ""
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
               ocr: OcrPolicy | None = None) -> ParsedDocument:
    """Text per page from PDFium (hundreds of pages a second), a page laid
    out in two columns read column by column; pdfplumber (twenty times
    slower) only where PDFium cannot split such a page."""
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
        blank = [i for i, text in enumerate(page_texts) if not text and i not in columned]
        ocr_note, ocr_problem = _ocr_pages(pdf, blank, page_texts, ocr) if blank and ocr else (None, None)
    except pdfium.PdfiumError as exc:
        raise _pdfium_rejection(name, exc) from exc
    finally:
        pdf.close()
    if columned:
        try:
            with pdfplumber.open(io.BytesIO(data)) as plumbed:
                for index in columned:
                    page_texts[index] = _normalise(_page_text(plumbed.pages[index])).strip()
        except Exception as exc:  # pdfminer raises many unrelated types on malformed files
            raise _pdf_rejection(name, exc) from exc
    if not page_texts:
        raise DocumentRejected("corrupt_pdf", f"{name} has no readable pages; download it again.")
    if not any(page_texts):
        why = ocr_problem or ("OCR found no text either" if ocr else "OCR is off")
        raise DocumentRejected("no_text_layer", f"{name} has {len(page_texts)} page(s) but no text "
                               f"layer and {why}.")
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
                          lang=detect_lang(text), pages=tuple(spans), text_source=ocr_note)


def _ocr_pages(pdf, blank: list[int], page_texts: list[str], policy: OcrPolicy) -> tuple[str | None, str | None]:
    """OCR the pages without text, in place; (what read them, or why nothing could)."""
    try:
        engine = engine_version(policy.languages)
    except OcrUnavailable as exc:
        return None, str(exc)
    done = failed = 0
    for index in blank[:policy.max_pages]:
        page = pdf[index]
        try:
            page_texts[index] = _normalise(read_page(page, policy))
            done += 1
        except Exception:  # a timeout or an engine crash on one page: the others still count
            failed += 1
        finally:
            page.close()
    note = f"OCR ({engine}), {done} of {len(page_texts)} pages"
    if failed or len(blank) > policy.max_pages:
        note += f"; {failed + max(0, len(blank) - policy.max_pages)} not read"
    return note, None if done else "OCR could not read it"
