"""Page layout: a page in two columns is read column by column. PDFium
splits most such pages itself; one it cannot split goes to pdfplumber, and
only that page: here a page whose MediaBox lies below the origin (as an
imposition or cropping tool leaves it), where PDFium's column rectangles,
taken from 0,0, hold no text. Before pdfplumber's crop was made relative
to the page box, such a page made the whole PDF ``corrupt_pdf``."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors import documents
from extractors.documents import parse_document

WIDTH, HEIGHT = A4
PLAIN_1 = ["Kaohsiung City and the City of Cebu renewed their sister city agreement in May 2023.",
           "The two mayors agreed to exchange students, trade missions and tourism delegations."]
LEFT = [f"Article {n}: Hualien County and Sendai agree on exchange {n}." for n in range(1, 11)]
RIGHT = [f"Clause {n}: Tainan and Kanazawa will send youth teams {n}." for n in range(1, 11)]
PLAIN_3 = ["Signed at Hualien on 12 May 2023 by the county magistrate and the mayor of Sendai."]


def three_page_pdf() -> bytes:
    """Page 1 and 3 in one column; page 2 in two columns, its MediaBox moved
    below the origin with its content, so it looks the same."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for lines, columns in ((PLAIN_1, (50,)), (LEFT + RIGHT, (50, 320)), (PLAIN_3, (50,))):
        pdf.setFont("Helvetica", 10 if len(columns) == 1 else 9)
        per_column = len(lines) // len(columns)
        for c, x in enumerate(columns):
            for k, line in enumerate(lines[c * per_column:(c + 1) * per_column]):
                pdf.drawString(x, HEIGHT - 60 - 16 * k, line)
        pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    moved = writer.pages[1]
    moved.add_transformation(Transformation().translate(0, -HEIGHT))
    moved.mediabox = RectangleObject([0, -HEIGHT, WIDTH, 0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def plumbed(monkeypatch) -> list[int]:
    """The page numbers (1-based) pdfplumber reads, as _parse_pdf reads them in this process."""
    read: list[int] = []
    page_text = documents._page_text

    def counted(page) -> str:
        read.append(page.page_number)
        return page_text(page)

    monkeypatch.setattr(documents, "_page_text", counted)
    return read


def test_a_two_column_page_pdfium_cannot_split_is_read_by_pdfplumber_column_by_column(plumbed):
    data = three_page_pdf()
    doc = documents._parse_pdf(data, "mou.pdf", hashlib.sha256(data).hexdigest())
    assert plumbed == [2], "pdfplumber read page 2 and no other"
    page = doc.text[doc.pages[1].start:doc.pages[1].end]
    for sentence in LEFT + RIGHT:
        assert sentence in page, "each sentence whole, not interleaved with the other column's"
    assert page.index(LEFT[-1]) < page.index(RIGHT[0]), "the whole left column first"
    assert doc.page_at(doc.text.index(PLAIN_1[0])) == 1
    assert {doc.page_at(doc.text.index(s)) for s in LEFT + RIGHT} == {2}
    assert doc.page_at(doc.text.index(PLAIN_3[0])) == 3


def test_the_same_pdf_read_in_its_child_process_comes_back_the_same():
    data = three_page_pdf()
    here = documents._parse_pdf(data, "mou.pdf", hashlib.sha256(data).hexdigest())
    assert parse_document(data, "mou.pdf", media_type="application/pdf") == here


def test_one_column_pages_and_pages_pdfium_splits_never_reach_pdfplumber(plumbed):
    import random

    from flows.bench_pdf import make_pdf

    data, columned = make_pdf(random.Random(7), 6, 0.5)  # two-column pages PDFium can split
    doc = documents._parse_pdf(data, "mixed.pdf", hashlib.sha256(data).hexdigest())
    assert columned and len(doc.pages) == 6 and plumbed == []
