"""Text for PDF pages that have none: scanned agreements, read by OCR.

The engine is Tesseract 5 (Debian's ``tesseract-ocr`` with the traditional
Chinese and Japanese models, driven through ``pytesseract``): it reads the
three languages of the corpus, runs on the CPU, and installs from the
distribution's packages (``make ocr``). RapidOCR's wheel ships its models
but reads simplified Chinese and English only, so it would lose the
Japanese agreements. A page is rendered by PDFium at 300 dpi (less for a
huge page: the pixel limit holds), greyscaled, and read with every
configured language at once; spaces Tesseract puts between CJK characters
are removed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

ENGINE = "tesseract"
DPI = 300


@dataclass(frozen=True, slots=True)
class OcrPolicy:
    languages: str = "eng+chi_tra+jpn"
    max_pages: int = 50  # pages OCR'd per document; the rest are left unread and said so
    max_pixels: int = 40_000_000  # a page is rendered smaller rather than larger than this
    timeout: float = 60.0  # seconds per page


class OcrUnavailable(RuntimeError):
    """No engine, or not the languages asked for."""


@cache
def engine_version(languages: str) -> str:
    """'tesseract 5.3.0', or OcrUnavailable saying what to install."""
    try:
        import pytesseract

        version = str(pytesseract.get_tesseract_version()).split()[0]
        installed = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # pytesseract raises its own types, or OSError when no binary
        raise OcrUnavailable("no OCR engine: install tesseract-ocr (make ocr)") from exc
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        raise OcrUnavailable(f"Tesseract lacks the language models {', '.join(missing)} "
                             f"(apt-get install {' '.join('tesseract-ocr-' + m.replace('_', '-') for m in missing)})")
    return f"{ENGINE} {version}"


def render_scale(width_pt: float, height_pt: float, max_pixels: int) -> float:
    """PDFium's scale for a page: 300 dpi, or less so the image stays within the pixel limit."""
    scale = DPI / 72
    pixels = width_pt * scale * height_pt * scale
    return scale if pixels <= max_pixels else math.sqrt(max_pixels / (width_pt * height_pt))


_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
# Tesseract spaces CJK characters, and digits among them ('2023 年 5 月'), apart.
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}0-9])|(?<=[0-9])[ \t]+(?=[{_CJK}])")


def read_page(page, policy: OcrPolicy) -> str:
    """The text OCR finds on one PDFium page ('' for a blank page or a photo)."""
    import pytesseract

    width, height = page.get_size()
    from PIL import ImageFilter

    image = page.render(scale=render_scale(width, height, policy.max_pixels)).to_pil().convert("L")
    image = image.filter(ImageFilter.MedianFilter(3))  # specks of a scanner's noise are not letters
    data = pytesseract.image_to_data(image, lang=policy.languages, timeout=policy.timeout,
                                     output_type=pytesseract.Output.DICT)
    return _CJK_GAP.sub("", _confident_text(data)).strip()


MIN_CONFIDENCE = 50  # Tesseract's word confidence (0-100): below it, a photo's texture read as letters


def _confident_text(data: dict) -> str:
    """Lines of the words Tesseract is sure of; a line of only unsure words is dropped."""
    lines: dict[tuple, list[str]] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word or float(data["conf"][i]) < MIN_CONFIDENCE or not any(c.isalnum() for c in word):
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
    # A line needs a real word: three letters or digits, or one CJK character
    # (a black box and a speck read as 'HI' do not make a line).
    kept = [words for _, words in sorted(lines.items())
            if any(sum(c.isalnum() for c in w) >= 3 or re.search(f"[{_CJK}]", w) for w in words)]
    return "\n".join(" ".join(words) for words in kept)


# -- progress: what a reader stopped at its time limit had read ---------------------
@dataclass(frozen=True, slots=True)
class OcrStart:
    """Sent before the first page is OCR'd: the text layer's pages ('' where
    OCR is to read), the PDF's own title, the engine and the pages queued."""
    page_texts: tuple[str, ...]
    meta_title: object  # as PDFium gives it: str, bytes or None
    engine: str
    queued: tuple[int, ...]  # 0-based, in the order they are read


@dataclass(frozen=True, slots=True)
class OcrPage:
    """Sent as each queued page is done."""
    index: int
    text: str | None  # None: the engine failed on this page


@dataclass(frozen=True, slots=True)
class OcrSoFar:
    page_texts: list[str]
    meta_title: object
    text_source: str
    read: int  # pages OCR read before the limit
    queued: int


def ocr_note(engine: str, read: int, pages: int, unread: int = 0,
             stopped_at: float | None = None) -> str:
    """``text_source`` of a PDF OCR read ``read`` of whose ``pages`` pages
    (the column holds 80 characters)."""
    note = f"OCR ({engine}), {read} of {pages} pages"
    if stopped_at is not None:
        return f"{note}; stopped at the {stopped_at:g} s limit"
    return f"{note}; {unread} not read" if unread else note


def so_far(parts: list[object], limit_s: float) -> OcrSoFar | None:
    """The text layer with the pages OCR finished, from the parts a reader
    sent before it was stopped; None if it was stopped before OCR began."""
    start = next((p for p in parts if isinstance(p, OcrStart)), None)
    if start is None:
        return None
    page_texts = list(start.page_texts)
    read = 0
    for part in parts:
        if isinstance(part, OcrPage) and part.text is not None:
            page_texts[part.index] = part.text
            read += 1
    note = ocr_note(start.engine, read, len(page_texts), stopped_at=limit_s)
    return OcrSoFar(page_texts, start.meta_title, note, read, len(start.queued))


def policy_of(settings) -> OcrPolicy | None:
    """The OCR policy the settings give, or None where OCR is off."""
    if not settings.ocr_languages or not settings.ocr_max_pages:
        return None
    return OcrPolicy(languages=settings.ocr_languages, max_pages=settings.ocr_max_pages,
                     max_pixels=settings.ocr_max_pixels)

