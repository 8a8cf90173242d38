"""Taiwan's 22 cities and counties written in separate syllables ('Chia-Yi
City', 'Ping Tung County', 'Kao Hsiung'): old or careless spellings of names
the Taiwan table holds whole, found by their parts run together."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.gazetteer.taiwan import TaiwanEntry

# Capitalised parts joined by a space or a hyphen (after which lower case may follow).
_SYLLABLE_RUN = re.compile(r"(?<![A-Za-z'-])[A-Z][a-z']*(?:(?: |-)[A-Z][a-z']*|-[a-z']+)+")


_TITLE_BEFORE = re.compile(r"\b(?:Magistrate|Mayor|Governor|Speaker|Chairman|Director|Minister|President|"
                           r"Mr|Ms|Mrs|Dr)\.?\s+$")


def _compact(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())


class SyllableNames:
    def __init__(self, forms: dict[str, list[TaiwanEntry]]):
        # Only units without a parent: a district's parts are common words.
        self.compact = {_compact(f): e for f, entries in forms.items() if f.isascii()
                        for e in entries if e.parent is None and e.successor is None and _compact(f)}

    def find(self, text: str) -> Iterator[tuple[int, int, TaiwanEntry]]:
        """(start, end, entry) of each name written in parts, the longest
        run of parts that the table knows."""
        for m in _SYLLABLE_RUN.finditer(text):
            parts = [(m.start() + p.start(), m.start() + p.end()) for p in re.finditer(r"[A-Za-z']+", m.group(0))]
            i = 0
            while i < len(parts) - 1:
                for j in range(len(parts) - 1, i, -1):
                    entry = self.compact.get(_compact(text[parts[i][0]:parts[j][1]]))
                    # 'Magistrate Chang Hua-kuan': a person's name, its given name hyphenated
                    person = _TITLE_BEFORE.search(text, max(0, parts[i][0] - 14), parts[i][0]) or (
                        j + 1 < len(parts) and text[parts[j][1]:parts[j + 1][0]] == "-"
                        and text[parts[j + 1][0]].islower())
                    if entry is not None and not person:
                        yield parts[i][0], parts[j][1], entry
                        i = j
                        break
                i += 1
