"""``citypairs bench-pdf``: PDF reading speed on a generated corpus.

One run times, on the same files, pdfplumber reading every page (what
citypairs did before) and citypairs' own PDF reading (PDFium for the text,
pdfplumber only for pages set in two columns). The corpus mixes plain
pages with a share of two-column pages, as council minutes and bilingual
agreements do.
"""

from __future__ import annotations

import io
import random
import time
from dataclasses import dataclass

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors.documents import parse_document

WORDS = ("council city mayor delegation agreement exchange tourism trade education culture budget road "
         "school park library report committee session motion partnership sister friendship").split()


@dataclass(frozen=True, slots=True)
class PdfBenchResult:
    files: int
    pages: int
    columned_pages: int
    plumber_pages_per_s: float
    citypairs_pages_per_s: float
    plain_pages_per_s: float  # citypairs on a corpus of single-column pages only

    @property
    def speedup(self) -> float:
        return self.citypairs_pages_per_s / self.plumber_pages_per_s


def _line(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_pdf(rng: random.Random, pages: int, columned_share: float) -> tuple[bytes, int]:
    """A PDF of ``pages`` pages, about ``columned_share`` of them in two columns."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    width, height = A4
    columned = 0
    for _ in range(pages):
        pdf.setFont("Helvetica", 10)
        if rng.random() < columned_share:
            columned += 1
            for k in range(45):
                pdf.drawString(50, height - 60 - 15 * k, _line(rng, 4))  # a column ends well before the middle
                pdf.drawString(width / 2 + 30, height - 60 - 15 * k, _line(rng, 4))
        else:
            for k in range(45):
                pdf.drawString(50, height - 60 - 15 * k, _line(rng, 14))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue(), columned


def run_pdf_bench(pages: int = 500, pages_per_file: int = 25, columned_share: float = 0.1,
                  seed: int = 1) -> PdfBenchResult:
    rng = random.Random(seed)
    files, columned = [], 0
    for _ in range(max(1, pages // pages_per_file)):
        data, n = make_pdf(rng, pages_per_file, columned_share)
        files.append(data)
        columned += n
    total = len(files) * pages_per_file
    start = time.perf_counter()
    for data in files:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
    plumber = total / (time.perf_counter() - start)
    start = time.perf_counter()
    for i, data in enumerate(files):
        parse_document(data, f"bench-{i}.pdf", media_type="application/pdf")
    ours = total / (time.perf_counter() - start)
    plain_files = [make_pdf(rng, pages_per_file, 0.0)[0] for _ in files]
    start = time.perf_counter()
    for i, data in enumerate(plain_files):
        parse_document(data, f"plain-{i}.pdf", media_type="application/pdf")
    plain = total / (time.perf_counter() - start)
    return PdfBenchResult(len(files), total, columned, plumber, ours, plain)


def main_lines(r: PdfBenchResult) -> list[str]:
    return [f"{r.files} PDFs, {r.pages} pages ({r.columned_pages} in two columns)",
            f"(a) pdfplumber, every page:      {r.plumber_pages_per_s:7.1f} pages/s",
            f"(b) citypairs PDF reading:       {r.citypairs_pages_per_s:7.1f} pages/s  ({r.speedup:.1f}x a)",
            f"(c) citypairs, one-column pages: {r.plain_pages_per_s:7.1f} pages/s  "
            f"({r.plain_pages_per_s / r.plumber_pages_per_s:.1f}x a)"]


