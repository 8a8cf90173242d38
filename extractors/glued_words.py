"""Words a scraped page glued together, parted by a space before reading.

Pages built from inline elements lose the space between them: 'Yonaguni
Town ofOkinawa', 'BellevueCity of Washington', 'Exchange AgreementHsinchu
County'. The rules read the text with patterns like 'Town of <name>', so the
tokenizer splitting such words is not enough: the space goes into the text
itself, and every offset the extractor reports is mapped back to the text as
given (``Unglued.original``), so evidence offsets still point into the
stored document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# A lower-case run of three or more letters meeting a capitalised word; McAllen,
# LaSalle and DeKalb have shorter runs and stay whole. A two-letter preposition
# glued to a name is parted too: no place name starts with a lower-case 'of' or 'in'.
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2,})|(?<=\b(?:of|in|at))(?=[A-Z][a-z]{2,})")


@dataclass(frozen=True, slots=True)
class Unglued:
    text: str
    inserted: tuple[int, ...] = ()  # offsets, in ``text``, of the spaces put in

    def original(self, offset: int) -> int:
        """``offset`` into ``text`` as an offset into the text as given."""
        return offset - bisect_left(self.inserted, offset)

    def moved(self, offset: int) -> int:
        """An offset into the text as given, as one into ``text``."""
        shift = 0
        for at in self.inserted:  # each insert moves what follows it by one
            if at - shift > offset:
                break
            shift += 1
        return offset + shift


def unglue(text: str) -> Unglued:
    """``text`` with a space at every glue point (see ``_GLUE``)."""
    points = [m.start() for m in _GLUE.finditer(text)]
    if not points:
        return Unglued(text)
    pieces, last = [], 0
    for at in points:
        pieces += [text[last:at], " "]
        last = at
    pieces.append(text[last:])
    return Unglued("".join(pieces), tuple(at + i for i, at in enumerate(points)))
