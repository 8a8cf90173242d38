"""Evidence as segments to highlight: the two places, the date words and
the theme words. Templates render each segment escaped, so document text
never reaches the page as markup."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.themes import find_themes


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mark: str | None = None  # place | date | theme


def segments(text: str, places: list[str], date_text: str | None) -> list[Segment]:
    spans: list[tuple[int, int, str]] = []
    for term, mark in [*((p, "place") for p in places), (date_text, "date")]:
        if term:
            spans += _occurrences(text, term, mark)
    spans += [(hit.start, hit.end, "theme") for hit in find_themes(text)]
    chosen: list[tuple[int, int, str]] = []
    # Longest first, then leftmost; a span overlapping one already chosen is dropped.
    for start, end, mark in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, mark))
    out, at = [], 0
    for start, end, mark in sorted(chosen):
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], mark))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def _occurrences(text: str, term: str, mark: str) -> list[tuple[int, int, str]]:
    found, lowered, needle = [], text.lower(), term.lower()
    start = lowered.find(needle)
    while start >= 0 and needle:
        found.append((start, start + len(needle), mark))
        start = lowered.find(needle, start + len(needle))
    return found


def paragraph(text: str, start: int, end: int, limit: int = 1200) -> tuple[str, int, int]:
    """The paragraph around [start, end) and the evidence's offsets in it."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - limit), min(right, end + limit)
    return text[left:right], start - left, end - left
