"""Names in the rows of a table or the items of a list, which the small
English model reads badly ('  Juneau Chiayi Taiwan Province  1988'): which
runs of capitalised words are cells, and whether a bare name is a place's
own name rather than a word that a namesake happens to carry."""

from __future__ import annotations

import re

from extractors.gazetteer.names import fold, fold_core
from models.records import Place


def overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


ROW_NAME_POPULATION = 5_000  # a smaller namesake in a table row is more likely a word
_ROW = re.compile(r"^[^\n]{3,160}$", re.M)
_WORD = re.compile(r"[A-Za-z][a-z]+")
# Function words written with a capital: a headline in title case, not a row of names.
_TITLE_CASE = re.compile(r"(?<!^)\b(?:The|For|Of|And|With|To|In|On|At|By|From|An|As|Is|Are|Will)\b")


def row_words(text: str, taken) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words, outside places already found, on short
    lines without a full stop that hold a place or a country: the cells of
    a table or the items of a list."""
    out = []
    for row in _ROW.finditer(text):
        line = row.group(0).rstrip()
        if line.endswith((".", "!", "?")) or _TITLE_CASE.search(line) \
                or not any(row.start() <= s < row.end() for s, _ in taken):
            continue  # a sentence, or a headline in title case ('For The Next Golden Ten Years')
        run: list[tuple[int, int]] = []
        for m in _WORD.finditer(text, row.start(), row.start() + len(line)):
            free = not overlaps(m.start(), m.end(), taken)
            joined = run and text[run[-1][1]:m.start()] in (" ", "-")
            if free and m.group(0)[0].isupper() and (not run or joined):
                run.append((m.start(), m.end()))
                continue
            if run:
                out.append(run)
            run = [(m.start(), m.end())] if free and m.group(0)[0].isupper() else []
        if run:
            out.append(run)
    return out


_CITY_WORDS = frozenset({"city", "municipality", "metropolitan", "special", "town", "of", "the"})


def named_as(place: Place, name: str) -> bool:
    """Whether a bare name is that place's own name: 'Incheon' names
    Incheon Metropolitan City, but 'Day' does not name Day County nor 'Hope'
    Hope Island."""
    if fold_core(place.name) != fold_core(name):
        return False
    return set(fold(place.name).split()) - set(fold(name).split()) <= _CITY_WORDS
