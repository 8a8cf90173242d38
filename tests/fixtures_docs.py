"""Generators of test documents, good and bad. Each writes one file into a folder
(usually pytest's ``tmp_path``) and returns its path. Deterministic: same bytes every run."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import cidfonts, pdfmetrics
from reportlab.pdfgen import canvas

PAGE_ONE = [
    "Friendship Agreement between Hualien County and Sendai",
    "Hualien County and the City of Sendai agree to promote exchanges.",
    "The parties will cooperate in tourism and disaster resilience.",
]
PAGE_TWO = [
    "Article 4. Both parties will hold a youth exchange every summer.",
    "Signed at Hualien on 12 April 2024.",
]
CHINESE_LINES = ["高雄市與熊本縣友好交流備忘錄", "雙方同意於觀光、教育及農業領域推動交流。"]

_CJK_FONT = "MSung-Light"


def _register_cjk_font() -> None:
    # reportlab pairs MSung-Light (Adobe-CNS1) with the GB CMap by default; pdfminer then
    # maps the codes to the wrong characters. The CNS CMap gives correct Traditional Chinese.
    if _CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        cidfonts.defaultUnicodeEncodings[_CJK_FONT] = ("cht", "UniCNS-UCS2-H")
        pdfmetrics.registerFont(cidfonts.UnicodeCIDFont(_CJK_FONT))


def write_pdf(path: Path, pages: list[list[str]], *, title: str | None = None,
              font: str = "Helvetica") -> Path:
    """A text PDF: one list of lines per page."""
    if font == _CJK_FONT:
        _register_cjk_font()
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont(font, 12)
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return path


def one_page_pdf(folder: Path) -> Path:
    return write_pdf(folder / "one_page.pdf", [PAGE_ONE], title="Hualien-Sendai Agreement")


def two_page_pdf(folder: Path) -> Path:
    return write_pdf(folder / "two_pages.pdf", [PAGE_ONE, PAGE_TWO])


def chinese_pdf(folder: Path) -> Path:
    return write_pdf(folder / "chinese.pdf", [CHINESE_LINES], font=_CJK_FONT)


def _encrypt(source: Path, target: Path, user: str, owner: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    with open(target, "wb") as out:
        writer.write(out)
    return target


def encrypted_pdf(folder: Path) -> Path:
    """Needs the user password 'letmein' to open."""
    return _encrypt(one_page_pdf(folder), folder / "encrypted.pdf", "letmein", "owner-secret")


def owner_password_pdf(folder: Path) -> Path:
    """Encrypted with an owner password only: opens without a password."""
    return _encrypt(one_page_pdf(folder), folder / "owner_only.pdf", "", "owner-secret")


def scanned_pdf(folder: Path) -> Path:
    """Two pages of pictures and rectangles, no text layer (what a scanner makes)."""
    rng = random.Random(3)
    image = Image.frombytes("L", (120, 160), bytes(rng.randrange(256) for _ in range(120 * 160)))
    path = folder / "scanned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(2):
        pdf.drawImage(ImageReader(image), 72, 300, width=420, height=460)
        pdf.rect(60, 60, 470, 200, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def truncated_pdf(folder: Path) -> Path:
    """The first 300 bytes of a valid PDF: the header survives, nothing else does."""
    data = one_page_pdf(folder).read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[:300])
    return path


def random_pdf(folder: Path) -> Path:
    """A %PDF header followed by noise."""
    path = folder / "noise.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random.Random(11).randbytes(4000))
    return path


def png_named_html(folder: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buffer, format="PNG")
    path = folder / "photo.html"
    path.write_bytes(buffer.getvalue())
    return path


def random_bytes_file(folder: Path, name: str = "garbage.txt") -> Path:
    path = folder / name
    path.write_bytes(random.Random(5).randbytes(3000))
    return path


def unknown_encoding_text(folder: Path) -> Path:
    """ASCII words between runs of high bytes that form no known encoding (no NULs or
    control bytes, so it is not 'binary', but charset-normalizer finds nothing coherent)."""
    rng = random.Random(7)
    chunks = [b"The council met " + bytes(rng.randrange(0x80, 0x100) for _ in range(6))
              for _ in range(40)]
    path = folder / "mystery.txt"
    path.write_bytes(b"".join(chunks))
    return path


def empty_file(folder: Path, name: str = "empty.html") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def article_html(folder: Path, *, charset: str = "utf-8") -> Path:
    """A news page with navigation, a related-stories box and a footer around the story."""
    story = " ".join([
        "Taichung City signed a friendship city agreement with Kumamoto Prefecture on Friday,",
        "committing both governments to exchanges in agriculture, tourism and education.",
    ])
    second = ("Deputy Mayor Lin Wen-hao said the agreement builds on a decade of school visits "
              "and regular charter flights between the two regions.")
    third = ("Officials from Kumamoto said farmers would visit Taichung next spring to study "
             "flower exports, while students from both sides plan a summer robotics camp.")
    nav = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in
                  ("Home", "Politics", "Business", "Society", "Sports", "Weather", "Opinion"))
    markup = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Taichung and Kumamoto sign friendship pact | Example News</title>
<meta name="date" content="2024-05-10">
<meta property="article:published_time" content="2024-05-10T09:30:00+08:00">
</head><body>
<nav><ul>{nav}</ul></nav>
<article><h1>Taichung and Kumamoto sign friendship pact</h1>
<p>{story}</p><p>{second}</p><p>{third}</p></article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Typhoon season outlook</a></li>
<li><a href="/b">Night market prices rise</a></li></ul></aside>
<footer><p>Copyright 2024 Example News. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/contact">Contact us</a></p></footer>
<script>var tracker = "do not extract me";</script>
</body></html>"""
    path = folder / "article.html"
    path.write_bytes(markup.encode(charset))
    return path


def sparse_file(folder: Path, size: int = 200 * 1024 * 1024) -> Path:
    """A file that claims ``size`` bytes but occupies no disk blocks."""
    path = folder / "huge.pdf"
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def two_column_pdf(path: Path, left: list[str], right: list[str]) -> Path:
    """A bilingual agreement laid out as two columns: English left, Chinese right."""
    _register_cjk_font()
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for x, lines, font in ((50, left, "Helvetica"), (320, right, _CJK_FONT)):
        pdf.setFont(font, 10)
        y = 780
        for line in lines:
            pdf.drawString(x, y, line)
            y -= 16
    pdf.showPage()
    pdf.save()
    return path


def signature_table_pdf(path: Path, body: list[str], rows: list[list[str]]) -> Path:
    """An agreement whose signing dates sit in a ruled signature table."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    y = 780
    for line in body:
        pdf.drawString(60, y, line)
        y -= 18
    y -= 20
    widths = [150, 150, 170]
    for row in rows:
        x = 60
        for cell, width in zip(row, widths):
            pdf.rect(x, y - 6, width, 22)
            pdf.drawString(x + 4, y, cell)
            x += width
        y -= 22
    pdf.showPage()
    pdf.save()
    return path


# -- scans ------------------------------------------------------------------------
LATIN_FONT = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"  # with Chromium's fonts
CJK_FONT_FILE = "/usr/share/fonts/truetype/arphic/uming.ttc"  # fonts-arphic-uming (make ocr)


def scan_pdf(path: Path, lines: list[tuple[str, str]], *, dpi: int = 200, angle: float = 1.0,
                noise: float = 0.003, seed: int = 1) -> Path:
    """A one-page PDF holding only a picture of the page, as a scanner makes
    it: text (each line with its font file) drawn at ``dpi``, turned by
    ``angle`` degrees, with salt-and-pepper specks."""
    import random

    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    rng = random.Random(seed)
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for k, (line, font_file) in enumerate(lines):
        font = ImageFont.truetype(font_file, int(dpi * 0.16))
        draw.text((int(dpi * 0.8), int(dpi * 1.0) + k * int(dpi * 0.3)), line, font=font, fill=0)
    image = image.rotate(angle, fillcolor=255)
    pixels = image.load()
    for _ in range(int(width * height * noise)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path


def photo_pdf(path: Path, seed: int = 2) -> Path:
    """A page that is a picture with no writing: smooth shapes, like a photo."""
    import random

    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    rng = random.Random(seed)
    image = Image.new("L", (1240, 1754), 200)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, r = rng.randrange(1240), rng.randrange(1754), rng.randrange(60, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(40, 220))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path
