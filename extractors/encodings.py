"""Bytes to text: which encoding a document is written in, and how sure we are.

The order is a byte-order mark, then UTF-8 (valid UTF-8 is almost never an
accident), then what the document or its server declares (HTTP Content-Type,
``<meta charset>``, the XML declaration), and only then a guess. A guess ranks
charset-normalizer's candidates, plus the encodings this project's sources are
written in, by how clean each reading looks; among readings about as clean,
the common encodings of Western European, Chinese and Japanese text win over
exotic code pages (charset-normalizer alone reads Latin-1 'São' as cp775 'SŃo').
A guess is logged with the file name, and ``Decoded.guessed`` says it was one.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import charset_normalizer

from models.errors import DocumentRejected

log = logging.getLogger(__name__)

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
# C0 controls other than tab, newlines, form feed and ESC (ISO-2022 uses ESC), plus DEL.
_CONTROL = bytes(b for b in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_MAX_CONTROL_RATIO = 0.02
_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISO2022_JP = re.compile(rb"\x1b\$[@B]")  # the escape into JIS X 0208
# Decode with the supersets real files are written in (as browsers do: WHATWG's encoding table).
_SUPERSETS = {"big5": "cp950", "gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252",
              "ascii": "cp1252", "shift_jis": "cp932", "euc_kr": "cp949", "iso8859-9": "cp1254"}
# The encodings this project's languages are commonly written in, by family,
# best first within each: Western European, traditional Chinese, simplified
# Chinese, Japanese. Families are ordered by charset-normalizer's ranking.
_FAMILIES = (("cp1252", "iso8859-15", "iso8859-1"), ("cp950", "big5", "big5hkscs"), ("gb18030",),
             ("cp932", "shift_jis", "euc_jp", "iso2022_jp"))
_PLAUSIBLE = tuple(codec for family in _FAMILIES for codec in family)
_FAMILY_OF = {codec: (number, rank) for number, family in enumerate(_FAMILIES)
              for rank, codec in enumerate(family)}
# DOS, Mac, EBCDIC and other code pages no source of ours is written in.
_EXOTIC = re.compile(r"^(cp(4\d\d|7\d\d|8\d\d|037|273|500|875|1006|1026|1125|114\d)|mac-.*|hp-roman8"
                     r"|kz1048|ptcp154|koi8-t|tis-620)$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MAX_MESS = 0.2  # a reading with more than a fifth of its non-ASCII characters suspicious is wrong
_MESS_TOLERANCE = 0.02  # readings this close in mess count as equally clean
_SAMPLE_CHARS = 20_000  # mess is measured on the start of a long text, not all of it
# Non-letters that clean text in our languages is full of: NBSP, « » ¡ ¿ ° · § © ® € £ ¥ × ÷.
_COMMON_SIGNS = frozenset("\u00a0\u00ab\u00bb\u00a1\u00bf\u00b0\u00b7\u00a7\u00a9\u00ae\u20ac\u00a3"
                          "\u00a5\u00d7\u00f7")


class Basis(StrEnum):
    """What the chosen encoding rests on."""

    BOM = "bom"
    UTF8 = "utf-8"
    DECLARED = "declared"
    GUESSED = "guessed"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name, e.g. 'utf-8', 'cp1252', 'cp950'
    basis: Basis

    @property
    def guessed(self) -> bool:
        return self.basis is Basis.GUESSED


@dataclass(frozen=True, slots=True)
class _Reading:
    """One candidate encoding's text, and how clean it looks."""

    encoding: str
    text: str
    mess: float
    proposed: int  # charset-normalizer's rank of it; past its list for ours


def charset_of(content_type: str) -> str | None:
    """The ``charset`` parameter of a Content-Type value ('text/html; charset=big5')."""
    match = _CONTENT_TYPE_CHARSET.search(content_type)
    return match.group(1) if match else None


def declared_charset(markup: bytes, server: str | None = None) -> str | None:
    """The charset the ``server`` declared (from HTTP Content-Type), else the
    one the markup declares in an XML declaration or ``<meta>``
    (``charset=`` or ``http-equiv`` content); the server's wins, as in browsers."""
    if server:
        return server
    head = markup[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def looks_binary(data: bytes) -> bool:
    sample = data[:65_536]
    if any(sample.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in sample:
        return True
    return len(sample.translate(None, _NOT_CONTROL)) / len(sample) > _MAX_CONTROL_RATIO


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """``data`` as text: BOM, UTF-8, the ``declared`` charset, then the
    cleanest plausible guess; ``unknown_encoding`` when nothing reads."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(codec.replace("-sig", ""), errors="replace"),
                           codec, Basis.BOM)
    if looks_binary(data):
        # NULs and control bytes are what UTF-16 without a byte-order mark looks like, too.
        if (utf16 := _bomless_utf16(data)) is not None:
            log.warning("%s: no byte-order mark; read as %s, a guess", name, utf16.encoding)
            return utf16
        raise DocumentRejected("not_text", f"{name} holds binary data (NUL or control bytes), not "
                               "text; check that the file is what its name says.")
    if _ISO2022_JP.search(data) and data.isascii() and (jis := _try_codec(data, "iso2022_jp")):
        # 7-bit Japanese (mail, old pages) is valid ASCII, so UTF-8 would keep its escapes as
        # text; the escapes name the encoding as plainly as a declaration does.
        return Decoded(jis[0], jis[1], Basis.DECLARED)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", Basis.UTF8)
    except UnicodeDecodeError:
        pass
    read = _try_codec(data, declared) if declared else None
    # A declared UTF-16 on bytes without NULs is a page saved as something else (browsers agree).
    if read is not None and not read[1].startswith(("utf-16", "utf-32")):
        return Decoded(read[0], read[1], Basis.DECLARED)
    best = _best_guess(data)
    if best is None:
        raise DocumentRejected("unknown_encoding", f"{name} is not valid in any text encoding "
                               "that could be detected with confidence; re-save it as UTF-8.")
    log.warning("%s: not UTF-8 and no usable declared charset (%s); read as %s, a guess",
                name, declared or "none", best.encoding)
    return Decoded(best.text, best.encoding, Basis.GUESSED)


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


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: the reading, little- or big-endian,
    that decodes strictly (random bytes leave lone surrogates), holds no
    control characters and looks clean; None for anything else."""
    if len(data) < 4 or len(data) % 2:
        return None
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE_CHARS]
        if not _C0.search(text) and (score := mess(sample)) <= _MAX_MESS:
            # Latin text read with the wrong byte order is all ideographs: fewer Latin-1 characters.
            latin = sum(1 for char in sample if char < "\u0100")
            readings.append((score, -latin, codec, text))
    if not readings:
        return None
    *_, codec, text = min(readings)
    return Decoded(text, codec, Basis.GUESSED)


def _best_guess(data: bytes) -> _Reading | None:
    """The cleanest reading; among those about as clean, one of our families
    before other encodings before exotic ones."""
    readings: list[_Reading] = []
    tried: set[str] = set()
    # charset-normalizer proposes (an encoding per group of identical readings); we rank.
    proposed = [enc for match in charset_normalizer.from_bytes(data)
                for enc in match.could_be_from_charset]
    for rank, label in enumerate([*proposed, *_PLAUSIBLE]):
        read = _try_codec(data, label)
        if read is None or read[1] in tried:
            continue
        text, codec = read
        tried.add(codec)
        score = mess(text[:_SAMPLE_CHARS])
        if score <= _MAX_MESS:
            readings.append(_Reading(codec, text, score, rank))
    if not readings:
        return None
    cleanest = min(r.mess for r in readings)
    near = [r for r in readings if r.mess <= cleanest + _MESS_TOLERANCE]
    # A family ranks where charset-normalizer ranks its first member there; within
    # it our order holds (cp1252 before ISO-8859-15: the same letters, and more).
    family_rank: dict[int, int] = {}
    for reading in near:  # in rank order already
        if reading.encoding in _FAMILY_OF:
            family_rank.setdefault(_FAMILY_OF[reading.encoding][0], reading.proposed)

    def key(reading: _Reading) -> tuple[int, int, int]:
        if reading.encoding in _FAMILY_OF:
            family, within = _FAMILY_OF[reading.encoding]
            return 0, family_rank[family], within
        return (2 if _EXOTIC.match(reading.encoding) else 1), reading.proposed, 0

    return min(near, key=key)


def _script(char: str) -> str:
    """A letter's script family; Han, kana and Hangul count as one (Japanese mixes them)."""
    if char >= "\u3040" and ("\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"
                              or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"):
        return "CJK"
    return unicodedata.name(char, "").split(" ", 1)[0]


def mess(text: str) -> float:
    """The share of non-ASCII characters that a wrong encoding typically
    produces: symbols and unassigned or private code points, letters of two
    scripts in one word ('TromsЇ'), a capital or a '³' mid-word ('SŃo',
    'Z³rich'), one or two ideographs stuck to a Latin word ('S緌 Paulo'),
    three accented letters in a row, half-width katakana. Infinite with a C1
    control (0x80-0x9F read as Latin-1), which no clean text holds. 0 for ASCII."""
    suspicious = non_ascii = 0
    for match in re.finditer(r"[^\x00-\x7f]+", text):
        start, end = match.span()
        for index in range(start, end):
            char = text[index]
            non_ascii += 1
            category = unicodedata.category(char)
            if category == "Cc":
                return float("inf")
            if category[0] in "LM":
                suspicious += _odd_letter(text, index, start, end)
            elif category in ("No", "Nl"):  # '²' after a letter is fine; 'Z³rich' is not
                suspicious += int(0 < index < len(text) - 1 and text[index - 1].isalpha()
                                  and text[index + 1].isalpha())
            elif category == "Nd" or category == "Zs" or char in _COMMON_SIGNS:
                continue
            elif not ("\u2000" <= char <= "\u206f" or "\u3000" <= char <= "\u303f"
                      or "\uff01" <= char <= "\uff60"):
                suspicious += 1  # a symbol, private use, unassigned, U+FFFD
    return suspicious / non_ascii if non_ascii else 0.0


def _odd_letter(text: str, index: int, run_start: int, run_end: int) -> int:
    """1 when the non-ASCII letter at ``index`` (in the non-ASCII run
    ``run_start:run_end``) sits where a wrong encoding puts letters."""
    char = text[index]
    script = _script(char)
    before = text[run_start - 1] if run_start > 0 else " "
    after = text[run_end] if run_end < len(text) else " "
    latin_neighbour = any(side.isascii() and side.isalpha() for side in (before, after))
    if "\uff61" <= char <= "\uff9f":
        return 1  # half-width katakana: what Big5 bytes look like read as Shift_JIS
    if script == "CJK":
        return int(latin_neighbour and run_end - run_start <= 2)
    if latin_neighbour and script != "LATIN":
        return 1  # 'TromsЇ', 'Zﮰrich'
    if char.isupper() and index > 0 and text[index - 1].isalpha() and index + 1 < len(text) \
            and text[index + 1].islower():
        return 1  # a capital inside a lower-case word
    if script != "LATIN":
        return 0
    # Three accented letters in a row: no Western word has them ('Ðîññèÿ': Russian read as cp1252).
    accented = [run_start <= i < run_end and text[i].isalpha() for i in range(index - 2, index + 3)]
    return int(any(all(accented[i:i + 3]) for i in range(3)))
