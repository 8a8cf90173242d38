"""Names that the words around them vouch for as places, even where the
model tagged nothing or a person: a government word ('the City of Cebu',
'Miyazaki Prefecture'), a tie ("Murray's sister city", 'Cupertino Sister
Cities' heading a table), the title of the person who heads the
government ('Kumamoto Governor Ikuo Kabashima' names Kumamoto Prefecture),
or a country's capital ('the Czech capital' is Prague)."""

from __future__ import annotations

import re

from extractors.datelines import is_dateline
from extractors.gazetteer.names import fold_core
from extractors.place_cues import (_NAME, _NOT_NAMES, _TITLES, CAPITAL_AFTER, PERSON_TITLES, PlaceSpan, nation_name,
                                   not_a_place)
from extractors.place_resolve import _DIVISIONS
from extractors.place_rows import overlaps
from extractors.segmentation import text_of
from models.records import Level

# "its sister city Makati", "partner city of Jonava": the tie vouches for the name.
_APPOSED = re.compile(
    rf"\b(?i:sister|partner|twin|friendship)[\s-]+(?i:city|cities|town|prefecture|state|county|province)"
    rf"[ \t]+(?:of[ \t]+)?(?!International\b)({_NAME})")  # on one line (a heading's last word names nothing
# below it); 'Sister Cities International' is the association
# "Murray's sister city", "Reno’s sister cities": whose ties they are.
_TIE_OWNER = re.compile(
    rf"({_NAME})(?:'s|’s)\s+(?i:sister|partner|twin|friendship)[\s-]+(?i:city|cities|town|towns|state|states)\b")
# 'Hull has been twinned with Tainan': the subject of a twinning.
_TWINNED = re.compile(rf"({_NAME})\s+(?:has\s+been|have\s+been|was|were|is|are|became|got)\s+twinned\s+with\b")
# 'Cupertino Sister Cities' heading a page's table: whose ties it lists.
_HEADING_OWNER = re.compile(
    rf"(?m)^[ \t]*({_NAME})\s+(?i:sister|twin|friendship|partner)[\s-]+(?i:city|cities|towns?|states?)[ \t]*$")
_GOVERNMENT_OF = re.compile(rf"\b(?i:government)\s+of\s+(?:the\s+)?({_NAME})")
# 'Majuro, which has been a sister city of Taipei': the subject of a tie it describes.
_IS_PARTNER = re.compile(rf"({_NAME}),?\s+(?:which\s+|that\s+)?(?:has\s+been|is|was|became)\s+(?:an?\s+|the\s+)?"
                         rf"(?i:sister|friendship|twin)[\s-]+(?i:city|town|island|state|county)\s+(?:of|to|with)\b")
# 'Jaluit Atoll Local Government': the Marshall Islands' name for an atoll's government.
_LOCAL_GOVERNMENT = re.compile(r"\b([A-Z][\w'’-]+(?:\s+Atoll)?)\s+Local\s+Government\b")
_TITLED = re.compile(
    rf"\b(?i:city|municipality|town|prefecture|province|county|state)\s+of\s+({_NAME})"
    rf"|\b({_NAME})\s+(?i:city|prefecture|province|county|town|village"
    rf"|state(?!\s+(?:University|College|Park|Department|Route)))\b")  # ('Niikappu Town in Hokkaido')


# The same in a heading or a title block set in capitals ('A RESOLUTION OF THE CITY OF ARCADIA,
# CALIFORNIA, APPROVING…'): the name runs to a comma or to a word no place name holds.
_CAPS_WORD = r"(?!(?:AND|APPROVING|AUTHORI[SZ]ING|ESTABLISHING|REGARDING|CONCERNING|TO|IN|FOR|WITH|OF|THE|AN?|ON|BY|AS)\b)" \
             r"[A-Z][A-Z'’.-]+"
_CAPS_OPENING = re.compile(rf"(?m)^[ \t]*({_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,2}})(?=\s*[,(—–-])")
_TITLED_CAPS = re.compile(rf"\b(?:CITY|COUNTY|TOWN|PREFECTURE|PROVINCE|STATE)\s+OF\s+({_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,2}})\b")


def titled_names(text: str) -> list[tuple[int, int, str | None]]:
    """'the City of Cebu', 'Miyazaki Prefecture', "Murray's sister city": a
    name a government word or a tie vouches for, even where the model
    tagged nothing."""
    out = [(m.start(1), m.end(1), None)
           for pattern in (_APPOSED, _TIE_OWNER, _HEADING_OWNER, _TWINNED, _IS_PARTNER, _LOCAL_GOVERNMENT)
           for m in pattern.finditer(text)
           if m.group(1).split()[0] not in _NOT_NAMES]
    # 'the Government of Guam' (a nation's government is dropped with the nation)
    out += [(m.start(1), m.end(1), None) for m in _GOVERNMENT_OF.finditer(text)]
    for m in _TITLED.finditer(text):
        words = m.group(1 if m.group(1) else 2).split()
        # Headings in capitals ('FRIENDSHIP CITY AGREEMENT') name no place.
        if words[0] in _NOT_NAMES or words[-1] in _TITLES or any(w.isupper() and len(w) > 1 for w in words):
            continue
        if m.group(1) and re.search(r"\b(?!(?:The|A|An|This|That|Its|Our|Their|His|Her)\s)[A-Z][a-z]+\s+$",
                                    text[max(0, m.start() - 30):m.start()]):
            # 'Kawaguchiko Town of Yamanashi Prefecture': the unit word is the town's, and the
            # division after 'of' is named alone (it then locates the town)
            out.append((m.start(1), m.start(1) + len(m.group(1).rstrip(".")), None))
            continue
        # The generic word stays in the name: it tells the prefecture from the city.
        out.append((m.start(), m.end(), None))
    out += [(m.start(1), m.end(1), None) for m in _TITLED_CAPS.finditer(text)]
    # 'ILOILO CITY, July 20 (PNA) --': the dateline in capitals that opens a story (its first lines)
    out += [(m.start(1), m.end(1), None) for m in _CAPS_OPENING.finditer(text, 0, 300) if is_dateline(text, *m.span(1))]
    return out


# 'Kumamoto Governor Ikuo Kabashima', 'Sendai Mayor Kazuko Kori': a place
# named by the title of the person who heads its government.
_HEADED = re.compile(rf"\b({_NAME})\s+(Governor|Gov\.|Mayor|Magistrate)\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+"  # ('Nagasaki Gov. Kengo Oishi')
                     r"|(?=(?:signed|inked|and|said|visited|met)\b))")  # ("Fukuoka's Yanagawa Mayor signed")
_NOT_HEADS = frozenset({"Deputy", "Vice", "Former", "Acting", "Lieutenant", "Lt", "Lt.", "Then", "City", "County",
                        "State", "Town", "New"})


def headed_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each place named by its head's title."""
    # 'Koror State Governor': the generic word may end a name of two words or more.
    # ("Fukuoka's Yanagawa Mayor": the head's place is the one after the possessive)
    # ('Cebu Provincial Governor', 'Aomori Prefectural Governor': the adjective is the title's)
    found = [(m.start(1) + (cut.end() if (cut := _POSSESSOR.search(m.group(1))) else 0),
              m.end(1) - (len(adj.group(0)) if (adj := _DIVISION_ADJECTIVE.search(m.group(1))) else 0), m.group(2))
             for m in _HEADED.finditer(text)]
    return [(start, end, title) for start, end, title in found
            if (name := text[start:end]).split()[0] not in _NOT_NAMES | _NOT_HEADS and (
                name.split()[-1] not in _NOT_HEADS or (
                    len(name.split()) > 1 and name.split()[-1] in ("City", "County", "State")))]


_POSSESSOR = re.compile(r".*(?:'s|’s)\s+")
_DIVISION_ADJECTIVE = re.compile(r"(?<=\S)\s+(?:Provincial|Prefectural)$")


def headed_places(finder, text: str, taken, countries, doc_countries) -> list[PlaceSpan]:
    """Foreign places named by their head's title, resolved by ``finder``
    (a ``PlaceResolver``): a governor heads a prefecture or a state, a
    mayor a city; a name that resolves to some other name is left alone."""
    out = []
    for start, end, title in headed_names(text):
        name = text[start:end]
        if overlaps(start, end, taken) or not_a_place(text, start, end) \
                or finder.gaz.world.demonym_country(name) or finder.gaz.world.country_code(nation_name(name)):
            continue
        place = finder._resolve(text, start, end, name, countries, doc_countries, "HEADED")
        if place is not None and title in ("Governor", "Gov.") and place.level.value == "city":
            place = next((p for p in finder.gaz.foreign_lookup(name, place.country)
                          if p.level in _DIVISIONS and fold_core(p.name) == fold_core(name)), None)
        if place is not None and fold_core(place.name) == fold_core(name):
            out.append(PlaceSpan(start, end, name, "foreign", place=place, notes=["headed"]))
    return out


def capital_spans(gaz, capital_names: dict, text: str, countries: list[PlaceSpan], taken) -> list[PlaceSpan]:
    """"Taiwan's capital", "the Czech capital": the capital city stands
    for its government."""
    out = []
    for c in countries:
        m = CAPITAL_AFTER.match(text, c.end)
        if not m or not c.country or overlaps(m.start(1), m.end(1), taken):
            continue
        name = capital_names.get(c.country)
        if not name:
            continue
        if c.country == "TW":
            entries = gaz.taiwan_lookup(name)
            place = gaz.current(entries[0]) if entries else None
        else:
            found = gaz.foreign_lookup(name, c.country)
            place = found[0] if found else None
        if place is not None:
            kind = "taiwan" if place.country == "TW" else "foreign"
            out.append(PlaceSpan(m.start(1), m.end(1), text[m.start(1):m.end(1)], kind, place=place,
                                 notes=["capital"]))
    return out


# 'Taichung Mayor Lu Shiow-yen' … 'Lu signed …': a head named in full after the
# place and title, then by one name alone, speaks for that place.
_HEAD_TITLE = re.compile(r"(?:Mayor|Governor|Gov\.|(?:County\s+)?Magistrate|Commissioner|Executive|Chief\s+Executive)\s+$")


# ('Lu signed …', 'Huang and Kori agreed …'): the head as the subject of the tie's verb.
_SIGNER = re.compile(r"(?:\s+and\s+(?:[A-Z][\w.-]+\s+){0,3}?[A-Z][\w-]+)?\s+(?:(?:also|later|then|jointly)\s+)?"
                     r"(?:signed|inked|sealed|agreed|renewed|formali[sz]ed|concluded)\b")


def surname_heads(text: str, spans: list[PlaceSpan], ents) -> list[PlaceSpan]:
    """Spans for a one-word person ('Lu', 'Kori') whom the text first named
    in full as a place's head, where that person signs or agrees; either word
    of the full name may be the surname, and a word two heads share names no
    one. Only in a sentence that names no government of that side itself."""
    heads: dict[str, set[str]] = {}
    places = {}
    persons = [e for e in ents if e.label_ == "PERSON"]
    for e in persons:
        title = _HEAD_TITLE.search(text, max(0, e.start_char - 40), e.start_char)
        place = next((s for s in spans if s.is_side and s.end <= title.start() and
                      not text[s.end:title.start()].strip()), None) if title else None
        words = e.text.split()
        if place is None or len(words) < 2:
            continue
        for word in {words[0], words[-1]}:
            heads.setdefault(word, set()).add(place.place.id)
        places[place.place.id] = place
    out = []
    for e in persons:
        owner = heads.get(e.text, set())
        if len(owner) != 1 or " " in e.text or not _SIGNER.match(text, e.end_char):
            continue
        place = places[next(iter(owner))]
        sent = e.sent
        if any(s.is_side and sent.start_char <= s.start < sent.end_char
               and (s.place.country == "TW") == (place.place.country == "TW") for s in spans):
            continue
        out.append(PlaceSpan(e.start_char, e.end_char, e.text, place.kind, place=place.place, notes=["head"]))
    return out


_NOT_GIVEN_NAMES = frozenset({"ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON", "VERB"})


def surnames_of(doc, spans: list[PlaceSpan]) -> frozenset[str]:
    """Last names of the people the model names in full ('Hiroshi Tanabe'),
    except names the text locates as places ('Landkreis Starnberg, Bavaria')."""
    out = set()
    for e in doc.ents:
        words = e.text.split()
        # ('Besides Murray, …': the model takes a leading function word for a given name)
        if e.label_ == "PERSON" and 2 <= len(words) <= 4 and words[0].rstrip(".") not in PERSON_TITLES \
                and not e[0].is_stop and e[0].pos_ not in _NOT_GIVEN_NAMES:
            out.add(words[-1])
    starts = {x.start for x in spans if x.kind == "country" or (x.place and x.place.level is not Level.CITY)}
    located = {x.text for x in spans if (m := re.match(r",\s*", text_of(doc)[x.end:])) and x.end + m.end() in starts}
    return frozenset(out - located)
