"""spaCy component ``citypairs_page_owner``: a government's own page calls
itself 'our city', 本市, 'the City' and seldom writes its own name.

The owner comes from the page's address, where the address is a local
government's own site: Japanese local governments file theirs as
``city.<name>.<prefecture>.jp``, ``town.…``, ``vill.…`` or ``pref.<name>.…``;
Taiwan's cities and counties each have one ``gov.tw`` domain (table below,
from the governments' own sites); many US cities use ``cityof<name>``, or
their name (with their state's code) under ``.gov`` or ``.org``. A
news site, a council's or an agency's subdomain owns nothing. Each word by
which the page speaks of itself then becomes a place span for the owner,
marked ``page owner`` so that the pair scorer weighs such pairs apart.

A page off such a site names its owner in its title: the site's name that
closes it ('…｜浜松市', '… | Murray City, UT'), or, in Chinese and Japanese,
the one government of a title that calls the page its list of ties
('仙台市の姉妹・友好都市'), or, where the page speaks of itself as 本村, 本町
or 本市 and never writes its own name, the one government of that unit the
title names ('読谷村と恒春鎮の交流について').
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc

from extractors.gazetteer.index import Gazetteer, load_gazetteer
from extractors.gazetteer.names import fold
from extractors.gazetteer.transliteration import places_by_division
from extractors.place_cues import PlaceSpan
from extractors.place_resolve import _provisional
from extractors.segmentation import text_of
from models.records import Level, Place

if not Doc.has_extension("url"):
    Doc.set_extension("url", default=None)
if not Doc.has_extension("page_owner"):
    Doc.set_extension("page_owner", default=None)
if not Doc.has_extension("title_places"):
    Doc.set_extension("title_places", default=None)
if not Doc.has_extension("outlet"):
    Doc.set_extension("outlet", default=None)

# Official domains of Taiwan's cities and counties: <label>.gov.tw (Taipei: gov.taipei).
TAIWAN_SITES = {
    "taipei": "TW-TPE", "ntpc": "TW-NWT", "tycg": "TW-TAO", "taichung": "TW-TXG", "tainan": "TW-TNN",
    "kcg": "TW-KHH", "klcg": "TW-KEE", "hccg": "TW-HSZ", "chiayi": "TW-CYI", "hsinchu": "TW-HSQ",
    "miaoli": "TW-MIA", "chcg": "TW-CHA", "nantou": "TW-NAN", "yunlin": "TW-YUN", "cyhg": "TW-CYQ",
    "pthg": "TW-PIF", "e-land": "TW-ILA", "yilan": "TW-ILA", "hl": "TW-HUA", "taitung": "TW-TTT",
    "penghu": "TW-PEN", "kinmen": "TW-KIN", "matsu": "TW-LIE",
}
# Subdomains of a government's site that speak for it (others are agencies' or councils').
_OWN_SUBDOMAINS = {"www", "english", "eng", "en", "www-en", "info", "sec", "foreigner", "cdn", "web", "jp", "ja"}
_JAPAN = re.compile(r"^(?:www\d?\.)?(city|town|vill|pref)\.([a-z-]+)\.(?:(?!lg\.)([a-z-]+)\.)?(?:lg\.)?jp$")
_US_CITY = re.compile(r"^(?:www\d?\.)?cityof([a-z]+)\.(?:org|com|gov|net|us)$")

# How a page speaks of its own government, by the owner's level.
# ('Mayor Michael Rama led a city delegation to Kaohsiung' on Cebu's site: its own mayor opens a sentence)
_OWN_MAYOR = r"|(?:^|(?<=\n)|(?<=\.\s)|(?<=[—–]\s))(?:City\s+)?Mayor(?=\s+[A-Z][\w'’-]+\s+[A-Z])"  # (or after a dateline's dash)
_OUR_TIES = r"|\b[Oo]ur(?=\s+(?:sister|friendship|twin|partner)[\s-])"  # ('Our sister cities are …': the site's own)
_SELF = {
    "city": r"本市(?!場)|当市|our city|the City(?! (?:of|Council|Hall|Manager|Clerk|Attorney))" + _OWN_MAYOR + _OUR_TIES,
    "town": r"本町|当町|our town|the Town(?! (?:of|Council|Hall))" + _OWN_MAYOR + _OUR_TIES,
    "village": r"本村|当村",
    "prefecture": r"本県|当県",
    "county": r"本縣|縣府|本府|the County(?! (?:of|Council|Board))" + _OUR_TIES,
    "special_municipality": r"本市(?!場)|市府|本府|the City(?! (?:of|Council|Hall))" + _OUR_TIES,
    "township": r"本鄉|本鎮|本所(?!屬)", "district": r"本區|本所(?!屬)",  # (a township office's '本所': the township)
}


@lru_cache(maxsize=4096)
def _owner(url: str, gaz: Gazetteer) -> Place | None:
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    labels = host.split(".")
    if host == "gov.taipei" or host.endswith(".gov.taipei"):
        sub = labels[:-2]
        return _taiwan(gaz, "TW-TPE") if not sub or sub[0] in _OWN_SUBDOMAINS else None
    if host.endswith(".gov.tw") and len(labels) >= 3:
        sub = labels[:-3]
        if TAIWAN_SITES.get(labels[-3]) and (not sub or sub[0] in _OWN_SUBDOMAINS):
            return _taiwan(gaz, TAIWAN_SITES[labels[-3]])
        return None
    if m := _JAPAN.match(host):
        kind, name, region = m.groups()
        level = Level.PREFECTURE if kind == "pref" else None
        if region is None and "-" in name and kind != "pref":  # 'city.yamagata-yamagata.lg.jp': city, then prefecture
            city, prefecture = name.rsplit("-", 1)
            if (found := _foreign(gaz, city, "JP", prefecture, level)) is not None:
                return found
        found = _foreign(gaz, name, "JP", region if kind != "pref" else None, level)
        if found is None and kind in ("town", "vill"):
            # A town or village GeoNames lacks ('town.taketomi.lg.jp') is named by its own domain.
            return _provisional(name.replace("-", "").title(), "JP")
        return found
    if labels[-2:] == ["go", "kr"] and len(labels) >= 3 and (len(labels) == 3 or labels[-4] in _OWN_SUBDOMAINS):
        # Korean local governments' sites: gimhae.go.kr, www.busan.go.kr (ministries' labels name no place)
        return _city_outlet(gaz, labels[-3].capitalize() + " City", labels[-3].capitalize())
    if labels[-2:] == ["gov", "ph"] and len(labels) >= 3 and labels[-3].isalpha():
        # 'cebucity.gov.ph', 'makati.gov.ph': a Philippine city's site (pna.gov.ph, an agency's, names none)
        stem = labels[-3].removesuffix("city")
        found = _foreign(gaz, stem + "-city", "PH", None, Level.CITY) or _foreign(gaz, stem, "PH", None, Level.CITY)
        return found if found and (stem != labels[-3] or (found.population or 0) >= US_SITE_POPULATION) else None
    if m := _US_CITY.match(host):
        return _foreign(gaz, m.group(1), "US", None, None) or _dominant(gaz, m.group(1))
    if len(labels) >= 3 and labels[-1] in ("gov", "us") and len(labels[-2]) == 2:
        # 'bloomington.in.gov', 'www.ci.fremont.ca.us': a city's site under its state's
        city = labels[-3] if labels[-3] not in ("ci", "www", "co") else None
        return _us_site(gaz, city + labels[-2]) if city and city.isalpha() else None
    if labels[-1] == "gov" and len(labels) >= 3 and labels[-3].isalpha() and (state := next((
            p for p in gaz.foreign_lookup(labels[-2], "US") if p.level is Level.STATE), None)) is not None \
            and (city := _foreign(gaz, labels[-3], "US", fold(state.name).replace(" ", ""), Level.CITY)) is not None:
        return city  # 'murray.utah.gov': a city's site under its state's name
    if labels[-1] in ("gov", "org", "us") and len(labels) >= 2 and labels[-2].isalpha():
        return _us_site(gaz, labels[-2])
    return None


US_SITE_POPULATION = 50_000  # a bare name as a site ('cupertino.org') only for a city this large


def _us_site(gaz: Gazetteer, label: str) -> Place | None:
    """'cupertino.org', 'littlerock.gov', 'arcadiaca.gov' (name and state):
    a US city's own site, where the label is one city's name."""
    def compact(p: Place) -> str:
        return fold(p.name).replace(" ", "").replace("-", "")

    state = gaz.world.admin1("US", label[-2:].upper()) if len(label) > 5 else None
    if state:
        # ('sanjoseca.gov': the name's words run together, so the state's cities are read one by one)
        named = [p for p in gaz.foreign_lookup(label[:-2], "US")
                 if p.level is Level.CITY and p.admin1 == state and compact(p) == label[:-2]] or [
            p for e in places_by_division(gaz.world).get(("US", state), ())
            if (p := gaz.world._place(e)).level is Level.CITY and compact(p) == label[:-2]]
        if len(named) == 1:
            return named[0]
    if label.endswith("county") and len(label) > 8:
        # ('fairfaxcounty.gov', 'kingcounty.gov': a county's own site; of namesakes, Taiwan's partner)
        counties = [p for p in gaz.foreign_lookup(f"{label[:-6]} County", "US")
                    if p.level is Level.COUNTY and compact(p) == label]
        if len(counties) > 1:
            return gaz.table.partner_named(counties[0].name, {p.id for p in counties})
        return counties[0] if counties else None
    named = [p for p in gaz.foreign_lookup(label, "US")
             if p.level is Level.CITY and compact(p) == label and (p.population or 0) >= US_SITE_POPULATION]
    return named[0] if len(named) == 1 else None


def _dominant(gaz: Gazetteer, label: str) -> Place | None:
    """'cityofirvine.org': of US cities so named, the one far larger than
    any namesake (Irvine, California, not the Kentucky town of 2,400)."""
    named = sorted((p for p in gaz.foreign_lookup(label, "US") if p.level is Level.CITY
                    and fold(p.name).replace(" ", "").replace("-", "") == label), key=lambda p: -(p.population or 0))
    if named and (named[0].population or 0) >= US_SITE_POPULATION and (
            len(named) == 1 or (named[0].population or 0) >= 10 * (named[1].population or 0)):
        return named[0]
    return None


def _taiwan(gaz: Gazetteer, place_id: str) -> Place | None:
    entry = next((e for e in gaz.taiwan if e.place.id == place_id), None)
    return gaz.current(entry) if entry else None


def _foreign(gaz: Gazetteer, name: str, country: str, region: str | None, level: Level | None) -> Place | None:
    """The place whose own name is the host's label (romanised, no spaces)."""
    key = name.replace("-", "")
    found = [p for p in gaz.foreign_lookup(name.replace("-", " "), country)
             if fold(p.name).replace(" ", "").replace("-", "") == key
             and (region is None or fold(p.admin1 or "").replace(" ", "") == region.replace("-", ""))
             and (level is None or p.level is level)]
    if level is None:
        found = [p for p in found if p.level not in (Level.PREFECTURE, Level.STATE)]
    if len({(p.name, p.admin1) for p in found}) == 1:  # GeoNames may hold a city twice (Yatsushiro)
        return max(found, key=lambda p: p.population or 0)
    return None


# The last part of a title, after '｜' or a spaced dash, where a site puts its own name.
_SITE_NAME = re.compile(r"(?:[｜|]|\s[-–—]\s)\s*([^｜|]{2,20})$")
_LATIN_SITE_NAME = re.compile(r"(?:[｜|]|\s[-–—]\s)\s*([^｜|]{2,40})$")  # 'City of Overland Park, KS'
# '… | Murray City, UT', 'Sister Cities - City of Cupertino': a city's site
# closing its page titles with its own name (and its state).
_CITY_SITE = re.compile(r"^(?:(?:the\s+)?(?:City|Town|Village)\s+of\s+)?([A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2}?)"
                        r"(?:\s+City)?(?:,\s*([A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?$")  # (', Georgia')


def latin_title_owner(title: str, gaz: Gazetteer) -> Place | None:
    """The foreign city whose name (with its US state's code, else a city of
    some size) closes a page's title."""
    site = _LATIN_SITE_NAME.search(title)
    m = _CITY_SITE.match(site.group(1).strip()) if site else None
    if m is None:
        return None
    name, code = m.groups()
    state = (gaz.world.admin1("US", code) if len(code) == 2 else code) if code else None
    found = [p for p in gaz.foreign_lookup(name, "US" if code else None) if p.level is Level.CITY
             and fold(p.name) == fold(name) and (p.admin1 == state if code else
                                                 (p.population or 0) >= US_SITE_POPULATION)]
    return found[0] if len({(p.country, p.admin1) for p in found}) == 1 else None


# The unit each CJK word for 'this city/town/village/prefecture' speaks of
# (県, 縣 and 县 folded to one), and the words themselves.
_SELF_UNITS = {"市": r"本市(?!場)|当市", "町": r"本町|当町", "村": r"本村|当村", "県": r"本県|当県|本縣|縣府",
               "鄉": r"本鄉|本所(?!屬)", "鎮": r"本鎮|本所(?!屬)", "區": r"本區"}
_BODIES = r"(?:Council|Hall|School|University|College|Airport|Port|Police|Library|Museum)"
_UNIT_FOLD = str.maketrans("縣县乡镇区", "県県鄉鎮區")


# '… - Taichung City Government', '| Hsinchu County Government': a Taiwanese
# government's English site.
_GOVERNMENT_SITE = re.compile(r"^(?:the\s+)?([A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+){0,3})\s+Government$")


def taiwan_site_owner(title: str, gaz: Gazetteer) -> Place | None:
    """The Taiwanese government whose English site name closes a title."""
    site = _LATIN_SITE_NAME.search(title)
    m = _GOVERNMENT_SITE.match(site.group(1).strip()) if site else None
    if m is None:
        return None
    found = {gaz.current(e).id: gaz.current(e) for e in gaz.taiwan_lookup(m.group(1))}
    return next(iter(found.values())) if len(found) == 1 else None


# '仙台市の姉妹・友好都市', '臺南市的國際交流': a title saying whose ties the page lists.
_TIES_OF = re.compile(r"\s*(?:の|的|之)?\s*(?:姉妹|姊妹|姐妹|友好|国際交流|國際交流|国际交流|海外交流|国際姉妹)")


def title_owner(text: str, title: str, title_places: list[PlaceSpan], named: set[str]
                ) -> tuple[Place, str | None] | None:
    """The owner a CJK page names only in its title, with the words by
    which it speaks of itself: the one government in the site's name that
    closes the title ('…｜浜松市'), else the one government of a title that
    calls the page its list of ties ('仙台市の姉妹・友好都市'), else the one whose unit
    the text's 本村/本町/本市/本県 names, provided the text never writes
    its name (else 本市 in a news story is the speaker's city, not the
    title's)."""
    governments = {s.place.id: s for s in title_places if s.kind in ("taiwan", "foreign") and s.place is not None}
    # '台中市との交流の歩み｜浜松市': the site's name closes the title.
    site = _SITE_NAME.search(title)
    owners = {s.place.id: s.place for s in governments.values() if site and s.start >= site.start(1)}
    if site and len(owners) == 1:
        return next(iter(owners.values())), None
    if len(governments) == 1:
        [span] = governments.values()
        if _TIES_OF.match(title, span.end):
            return span.place, None
    for unit, pattern in _SELF_UNITS.items():
        if not re.search(pattern, text):
            continue
        owners = {s.place.id: s.place for s in title_places
                  if s.kind in ("taiwan", "foreign") and s.place is not None
                  and s.text.translate(_UNIT_FOLD).endswith(unit)}
        if len(owners) == 1 and not owners.keys() & named:
            return next(iter(owners.values())), pattern
    return None


# 'City of Cupertino (City Council staff report, Laserfiche records)', 'Kaohsiung City Government':
# a publisher that is a local government publishes its own pages.
# ('Gimhae City', 'Changwon Special City': a publisher named as a city is that city's site)
_GOVERNMENT_OUTLET = re.compile(r"^(?:the\s+)?(?:City|Town|Village|County)\s+of\s+\S|\sGovernment$"
                                r"|^[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?\s+(?:Metropolitan\s+|Special\s+)?City$")


def outlet_owner(outlet: str, gaz: Gazetteer) -> Place | None:
    """The local government a source's publisher is, where it is one by name."""
    name = re.sub(r"\s*[(（].*$", "", outlet).strip()
    if (program := _PROGRAM_OUTLET.match(name)) is not None:
        # 'Sister Cities of Manchester NH', 'Phoenix Sister Cities': a city's own sister city programme
        city, state = program.group("a") or program.group("b"), program.group("st")
        return latin_title_owner(f" - {city}" + (f", {state}" if state else ""), gaz)
    if not _GOVERNMENT_OUTLET.search(name):
        return None
    if m := _NAMED_CITY.match(name):
        return _city_outlet(gaz, name, m.group(1))
    return latin_title_owner(f" - {name}", gaz) or taiwan_site_owner(f" - {name}", gaz)


_PROGRAM_OUTLET = re.compile(r"^(?:Sister\s+Cities\s+of\s+(?:the\s+City\s+of\s+)?(?P<a>[A-Z][A-Za-z.' -]+?)"
                             r"|(?P<b>[A-Z][A-Za-z.' -]+?)\s+Sister\s+Cit(?:y|ies)(?:\s+(?:Association|Commission|Committee|"
                             r"Program|International))?)(?:,?\s+(?P<st>[A-Z]{2}))?$")
_NAMED_CITY = re.compile(r"^([A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+(?:Metropolitan\s+|Special\s+)?City$")


def _city_outlet(gaz: Gazetteer, name: str, stem: str) -> Place | None:
    """'Taichung City', 'Quezon City', 'Gimhae City': the city of the whole
    name where one is called so, else the one sizeable city of the stem."""
    taiwan = {gaz.current(e).id: gaz.current(e) for e in gaz.taiwan_lookup(name)}
    if taiwan:
        return next(iter(taiwan.values())) if len(taiwan) == 1 else None
    whole = [p for p in gaz.foreign_lookup(name) if p.level is Level.CITY and fold(p.name) == fold(name)]
    found = whole or [p for p in gaz.foreign_lookup(stem) if p.level is Level.CITY
                      and (p.population or 0) >= US_SITE_POPULATION]
    best = max(found, key=lambda p: p.population or 0, default=None)
    # one city of that name, or one far larger than any other (Busan beside its GeoNames twin)
    return best if best is not None and len({(p.country, p.admin1) for p in found if p.population}) == 1 else None


# A local paper's story filed from its own city speaks of that city's council without naming it.
_LOCAL_COUNCIL = (r"\b[Tt]he\s+[Cc]ity\s+[Cc]ouncil\b(?!\s+of\b)|\b[Tt]his\s+(?:city|town|municipality)\b"  # ('LEGAZPI CITY – This city and…')
                  r"|\b[Tt]he\s+(?:city|town|municipal)\s+(?:government\s+)?here\b")  # ('ILOILO CITY – The city government here signed')


def _dateline_city(doc: Doc, places: list[PlaceSpan]) -> Place | None:
    """The foreign city a story's dateline names, where the story speaks of
    'the City Council' and names no council of its own."""
    lines = [p for p in places if p.kind == "dateline" and p.place is not None and p.place.country != "TW"
             and p.place.level is Level.CITY]
    if len(lines) != 1 or not re.search(_LOCAL_COUNCIL, text_of(doc)):
        return None
    return lines[0].place


def page_owner(url: str | None, gaz: Gazetteer) -> Place | None:
    """The local government whose own site ``url`` is on, if it is one."""
    return _owner(url, gaz) if url else None


def self_references(text: str, owner: Place, taken: list[tuple[int, int]], pattern: str | None = None
                    ) -> list[PlaceSpan]:
    """Spans for the words by which the owner's page speaks of it (by
    default, those of the owner's level)."""
    pattern = pattern or _SELF.get(owner.level.value)
    if pattern is None:
        return []
    kind = "taiwan" if owner.country == "TW" else "foreign"
    out = []
    for m in re.finditer(pattern, text):
        if text[max(0, m.start() - 1):m.start()] == "日":  # 日本市場: a market in Japan
            continue
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        out.append(PlaceSpan(m.start(), m.end(), m.group(0), kind, place=owner, notes=["page owner"]))
    return out


@Language.factory("citypairs_page_owner", default_config={"cache_dir": "data/processed/cache"},
                  requires=["doc._.places"], assigns=["doc._.places"])
def make_page_owner(nlp: Language, name: str, cache_dir: str) -> "PageOwner":
    return PageOwner(load_gazetteer(Path(cache_dir)))


_COUNTRY_AFTER = re.compile(r"\s*(?:\(|,)\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


class PageOwner:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def _country_after(self, text: str, end: int, country: str) -> bool:
        m = _COUNTRY_AFTER.match(text, end)
        return m is not None and self.gaz.world.country_code(m.group(1)) == country

    def __call__(self, doc: Doc) -> Doc:
        owner = doc._.page_owner = page_owner(doc._.url, self.gaz)
        places = list(doc._.places or [])
        pattern = None
        if owner is None and doc._.title and doc._.title_places is None:  # a page in Latin script
            owner = doc._.page_owner = latin_title_owner(doc._.title, self.gaz) or taiwan_site_owner(
                doc._.title, self.gaz)
        if owner is None and doc._.outlet:
            owner = doc._.page_owner = outlet_owner(doc._.outlet, self.gaz)
        if owner is None and (local := _dateline_city(doc, places)) is not None:
            owner, pattern = local, _LOCAL_COUNCIL  # 'PORTLAND, Maine — The City Council voted…': the dateline's city
            doc._.page_owner = owner
        if owner is None and doc._.title_places:
            named = {p.place.id for p in places if p.place is not None}
            found = title_owner(text_of(doc), doc._.title, doc._.title_places, named)
            if found is not None:
                owner, pattern = found
                doc._.page_owner = owner
        if owner is None:
            return doc
        for p in places:  # its own name on its own page is itself ('Manchester' on Manchester, NH's)
            if p.kind == "foreign" and p.place is not None and p.place.id != owner.id and fold(p.place.name) == fold(owner.name) \
                    and not self._country_after(text_of(doc), p.end, p.place.country):
                p.place = owner  # (not 'San José (Costa Rica)' on San Jose's: the country says whose)
        taken = [(p.start, p.end) for p in places]
        if pattern is None and owner.country != "TW" and owner.name.isascii() and owner.level.value in _SELF:
            # A page in English names its own city by name where the model may miss it
            # ('Bellingham has five sister cities: ...'), beside 'the City'.
            pattern = rf"{_SELF[owner.level.value]}|\b{re.escape(owner.name)}\b(?!\s+(?:City\s+)?{_BODIES})"
        places.extend(self_references(text_of(doc), owner, taken, pattern))
        doc._.places = sorted(places, key=lambda p: p.start)
        return doc
