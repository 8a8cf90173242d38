"""Names in the rows of a table or the items of a list, which the small
English model reads badly ('  Juneau Chiayi Taiwan Province  1988'): which
runs of capitalised words are cells, and whether a bare name is a place's
own name rather than a word that a namesake happens to carry."""

from __future__ import annotations

import re
from collections import Counter

from extractors.gazetteer.names import fold, fold_core
from extractors.place_cues import PlaceSpan, nearby_country, not_a_place
from models.records import Level, Place


def overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


ROW_NAME_POPULATION = 5_000  # a smaller namesake in a table row is more likely a word
JOINED_POPULATION = 50_000  # a name joined to a Taiwanese side, no country named: a city this size
_ROW = re.compile(r"^[^\n]{3,160}$", re.M)
_WORD = re.compile(r"[A-Za-z][a-z]+")
# Function words written with a capital: a headline in title case, not a row of names.
_TITLE_CASE = re.compile(r"(?<!^)\b(?:The|For|Of|And|With|To|In|On|At|By|From|An|As|Is|Are|Will)\b")


# '5 Korea Incheon Metropolitan City 2009.09.14': a numbered row with a full date.
_NUMBERED_ROW = re.compile(r"^\s*\d{1,3}\.?\s+[A-Z].*(?<!\d)(?:19|20)\d\d[./-]\d{1,2}(?:[./-]\d{1,2})?\b")


def row_words(text: str, taken) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words, outside places already found, on short
    lines without a full stop that hold a place or a country, or are
    numbered and dated: the cells of a table or the items of a list."""
    out = []
    for row in _ROW.finditer(text):
        line = row.group(0).rstrip()
        if line.endswith((".", "!", "?")) or _TITLE_CASE.search(line) or not (
                any(row.start() <= s < row.end() for s, _ in taken) or _NUMBERED_ROW.match(line)):
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


_CELLS = re.compile(r"\||\t| {2,}")  # a row's cells, apart
PERSON_ROW_POPULATION = 100_000  # a cell the model took for a person: a city this size in the row's country


def row_places(text: str, taken: list[tuple[int, int]], countries, main: str | None, gaz,
               persons: list[tuple[int, int]] = ()) -> list[tuple[int, int, str, Place]]:
    """Names in the rows of ``row_words`` that the gazetteer knows by exactly
    that name, in the country a cell of the row names ('5 Korea Incheon
    Metropolitan City 2009.09.14'), else in ``main``, the country the
    document is mostly about; ``taken`` grows with each name found. A name
    the model took for a person ('| Korea | Busan | 2016.05.25 |') is read
    only as a large city of the country its row names."""
    row_country: dict[int, str] = {}  # line start -> the country a cell of that row names
    for c in countries:
        if c.country and c.country != "TW":  # 'Juneau  Chiayi  Taiwan Province': Taiwan is the other side's
            row_country.setdefault(text.rfind("\n", 0, c.start) + 1, c.country)
    out = []
    for words in row_words(text, taken + list(persons)) + [
            [p] for p in persons if row_country.get(text.rfind("\n", 0, p[0]) + 1) and " " not in text[p[0]:p[1]]
            and _CELLS.search(text, text.rfind("\n", 0, p[0]) + 1, (text.find("\n", p[1]) + 1 or len(text) + 1) - 1)]:
        line = text.rfind("\n", 0, words[0][0]) + 1
        i = 0
        while i < len(words):
            for n in (3, 2, 1):  # the longest name first: 'Colorado Springs' before 'Colorado'
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                name = text[start:end]
                code = gaz.world.country_code(name)
                if code:  # the row's country column
                    if code != "TW":
                        row_country[line] = code
                    i += n - 1
                    break
                within = row_country.get(line, main)
                floor = PERSON_ROW_POPULATION if (start, end) in persons else ROW_NAME_POPULATION
                found = [] if not_a_place(text, start, end) or overlaps(start, end, taken) else [
                    p for p in gaz.foreign_lookup(name, within)
                    if named_as(p, name) and (within is None or p.country == within)
                    and ((p.population or 0) >= floor or (p.level is not Level.CITY and floor < PERSON_ROW_POPULATION))]
                if found:
                    out.append((start, end, name, found[0]))
                    taken.append((start, end))
                    i += n - 1
                    break
            i += 1
    return out


def propagate(text: str, names: dict[str, Place], out: list[PlaceSpan], taken) -> None:
    """The same name elsewhere in the document is the same place, unless a
    place of another country owns it there ('Seoul's Mapo District' is not
    the Mapo in Jiangsu a bare 'Mapo District' found)."""
    for name, place in names.items():
        # (and in capitals, as a dateline writes it: 'LEGAZPI CITY –' after 'Legazpi')
        for m in re.finditer(rf"(?<![\w-])(?:{re.escape(name)}|{re.escape(name.upper())}(?:\s+CITY)?)(?![\w-])", text):
            owner = possessor(text, m.start(), out)
            if not overlaps(m.start(), m.end(), taken) and not not_a_place(text, m.start(), m.end()) \
                    and (owner is None or owner.place.country == place.country):
                out.append(PlaceSpan(m.start(), m.end(), m.group(0), "foreign", place=place, notes=["propagated"]))
                taken.append((m.start(), m.end()))


_POSSESSIVE = re.compile(r"['’]s\s+\Z")
_DIVISION_NAMED = re.compile(r"(?i)\b(?:prefecture|province|state|county|district|region)\b")


def possessor(text: str, start: int, spans: list[PlaceSpan]) -> PlaceSpan | None:
    """'Seoul's Mapo District': the place whose possessive is written right before."""
    return next((s for s in spans if s.place is not None and 0 < start - s.end <= 4
                 and _POSSESSIVE.match(text, s.end, start)), None)


def unify_namesakes(text: str, spans: list[PlaceSpan], admin1_after) -> None:
    """'the City of Arcadia' after 'ARCADIA, CALIFORNIA, … NEWCASTLE,
    AUSTRALIA', 'Mapo District' after 'Seoul's Mapo District': one name in
    one document is one place, the one a state written after it or a city's
    possessive before it placed (not a country named elsewhere). A name with
    its level in it ('Hualien County') is placed by the possessive only."""
    by_name: dict[str, list[PlaceSpan]] = {}
    for s in spans:
        by_name.setdefault(fold(s.text) if _DIVISION_NAMED.search(s.text) else fold_core(s.text), []).append(s)
    for same in by_name.values():
        if len({s.place.id for s in same}) < 2:
            continue
        placed = next((s.place for s in same if _placed_here(text, s, spans, admin1_after)), None)
        for s in same if placed is not None else ():
            s.place = placed


def _placed_here(text: str, span: PlaceSpan, spans: list[PlaceSpan], admin1_after) -> bool:
    owner = possessor(text, span.start, spans)
    if owner is not None and owner.place.country == span.place.country and owner.place.id != span.place.id:
        return True
    division = None if _DIVISION_NAMED.search(span.text) else admin1_after(text, span.end)
    return division is not None and division[0].country == span.place.country


# 'Maribyrnong in Australia', 'Anzio, Italy': a country written to locate the name before it.
_LOCATING = re.compile(r"[A-Z][\w'’.-]*(?:,\s*|\s+in\s+(?:the\s+)?)$")


def topic_countries(text: str, countries: list[PlaceSpan]) -> Counter:
    """How often a document names each country, half a time where it names
    it only to locate the place written before it: a story from Hampton
    that lists 'Anzio in Italy and Maribyrnong in Australia' speaks of
    Australia less than one that names it bare (and a bare 'Hampton' stays
    Virginia's city rather than an Australian suburb of that name)."""
    counts: Counter = Counter()
    for c in countries:
        if c.country:
            counts[c.country] += 0.5 if _LOCATING.search(text, max(0, c.start - 40), c.start) else 1
    return counts


# 'The British Columbia city', 'the Illinois capital': a news story's second
# reference names the first-level division its city lies in.
_DESCRIBED = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)\s+"
                        r"(?:city|capital|town|village|county|municipality|borough|suburb|port\s+city)\b")
_FIRST_LEVEL = (Level.STATE, Level.PROVINCE, Level.PREFECTURE, Level.REGION)


def described_divisions(text: str, spans: list[PlaceSpan], lookup, expand=lambda abbreviation: None) -> None:
    """A foreign city that a later 'the <division> city' refers back to is
    that division's namesake ('Richmond … The British Columbia city' is
    Richmond, B.C., not Virginia's), unless a place already found lies in
    the division (the description is then about that one). ``lookup(name,
    country)`` is the gazetteer's; ``expand`` names an abbreviated division
    ('The B.C. capital')."""
    found = [s for s in spans if s.kind == "foreign" and s.place is not None]
    explained = {(s.place.country, fold_core(s.place.admin1 or "")) for s in found}
    for m in _DESCRIBED.finditer(text):
        if (own := next((s for s in found if (s.start, s.end) == m.span(1) and s.place.level in _FIRST_LEVEL),
                        None)) is not None:
            _division_described(own, [s for s in found if s.end <= m.start()])
            continue
        written = expand(m.group(1)) or m.group(1)
        divisions = {(p.country, fold_core(p.name)) for p in lookup(written, None)
                     if p.level in _FIRST_LEVEL and fold_core(p.name) == fold_core(written)} - explained
        before = [s for s in found if s.end <= m.start()]
        if len(divisions) != 1 or not before:
            continue
        (country, division), = divisions
        last = max(before, key=lambda s: s.start)  # the city the description refers back to
        if last.place.level is not Level.CITY:
            continue
        namesakes = [p for p in lookup(last.text, country) if p.level is Level.CITY and p.country == country
                     and fold_core(p.admin1 or "") == division and fold_core(p.name) == fold_core(last.text)]
        if namesakes and (namesakes[0].population or 0) * 50 >= (last.place.population or 0):
            for s in found:
                if s.place.id == last.place.id:
                    s.place = namesakes[0]


def _division_described(own: PlaceSpan, before: list[PlaceSpan]) -> None:
    """'Kansas City, Missouri, … The Missouri city already counts Tainan among
    its sister cities': the state names the city before it that lies in it,
    and is no party itself where none does."""
    inside = [s for s in before if s.place.country == own.place.country and s.place.level not in _FIRST_LEVEL
              and fold_core(s.place.admin1 or "") == fold_core(own.place.name)]
    if inside:
        own.place, own.text = inside[-1].place, inside[-1].text
    else:
        own.kind = "locator"


COLOCATED_POPULATION = 50_000  # a namesake this large in the country the other places are in


def colocate_namesakes(text: str, spans: list[PlaceSpan], countries: list[PlaceSpan], lookup, doc_countries) -> None:
    """'VANCOUVER — … Portland, across the river': a city placed in a
    country nothing else in the document is in, with no country written
    beside it, is its one sizeable namesake in a country the other places are
    in (``lookup(name, country)`` is the gazetteer's)."""
    foreign = [s for s in spans if s.kind == "foreign" and s.place is not None and s.place.country != "TW"]
    for s in foreign:
        country = s.place.country
        if s.place.level is not Level.CITY or doc_countries.get(country) or nearby_country(text, s.start, s.end, countries) \
                or any(o.place.country == country and o.place.id != s.place.id for o in foreign):
            continue
        elsewhere = {o.place.country for o in foreign if o.place.id != s.place.id}
        # (not a far better-known place: Wellington, New Zealand beside the US places of a list of capitals)
        namesakes = [p for p in lookup(s.text, None) if p.country in elsewhere and p.level is Level.CITY
                     and fold_core(p.name) == fold_core(s.text) and (p.population or 0) >= COLOCATED_POPULATION
                     and (p.population or 0) * 5 >= (s.place.population or 0)]
        if len(namesakes) == 1:
            for t in foreign:
                if t.place.id == s.place.id:
                    t.place = namesakes[0]



def title_namesakes(title: str | None, text: str, spans: list[PlaceSpan], countries: list[PlaceSpan], lookup,
                    country_code) -> None:
    """'Athens, Georgia and Taiwan' over a story that writes only 'Athens':
    a city the body places with no country beside it is the namesake the
    title places by the division or country written after it."""
    if not title:
        return
    for s in [s for s in spans if s.kind == "foreign" and s.place is not None and s.place.level is Level.CITY]:
        m = re.search(rf"\b{re.escape(s.text)},\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", title)
        if m is None or nearby_country(text, s.start, s.end, countries):
            continue
        written, code = fold_core(m.group(1)), country_code(m.group(1))
        same = [p for p in lookup(s.text, None) if p.level is Level.CITY and fold_core(p.name) == fold_core(s.text)]
        # (the division first: 'Athens, Georgia' is the US state's, not the country's)
        found = [p for p in same if fold_core(p.admin1 or "") == written] or [p for p in same if p.country == code]
        if found and found[0].id != s.place.id:
            old = s.place.id
            for t in spans:
                if t.place is not None and t.place.id == old:
                    t.place = found[0]
