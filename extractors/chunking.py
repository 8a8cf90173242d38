"""Long documents in parts: a council's minutes or a book-length report is
read whole, a part at a time, so that work and memory per part stay
bounded and a document's time can be checked between parts.

A part ends at a paragraph break where one lies in the last fifth of the
window, else at a line break, else after a sentence, else at a space: a
sentence is never cut in two unless it is longer than a fifth of a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PART_CHARS = 100_000  # spaCy's parser and our components grow linearly in this range

_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?。！？]\s"), re.compile(r"\s"))


@dataclass(frozen=True, slots=True)
class Part:
    start: int  # offset of the part in the document text
    text: str


def parts(text: str, size: int = PART_CHARS) -> list[Part]:
    """The text cut into consecutive parts of at most ``size`` characters."""
    out: list[Part] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(Part(start, text[start:end]))
        start = end
    out.append(Part(start, text[start:]))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    floor = limit - (limit - start) // 5
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, floor, limit):
            last = m
        if last is not None:
            return last.end()
    return limit
