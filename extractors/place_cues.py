"""Text cues around place names: the country a name is placed in, names
that a cue vouches for, organisations named after places.

Plain functions over the document text and ``PlaceSpan`` records, used by
the ``citypairs_places`` component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.gazetteer.names import fold_core
from models.records import Level, Place

@dataclass(slots=True)
class PlaceSpan:
    start: int  # character offsets in the document
    end: int
    text: str
    kind: str  # taiwan | foreign | country | org | office | person | dateline | venue | locator | attribute
    place: Place | None = None
    country: str | None = None  # for countries and demonyms
    level_hint: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_side(self) -> bool:
        return self.kind in ("taiwan", "foreign") and self.place is not None



GOVERNMENT_TAILS = re.compile(
    r"\s+(?:city|county|prefectural|metropolitan|municipal|provincial|state|local)?\s*"
    r"(?:government|city hall|town hall|administration)$|(?:(?<=District)|(?<=Ward))\s+Office$", re.I)  # ('Gangnam District Office')
# A reporting or responding verb right after a capital's name.
GOVERNMENT_VOICE = re.compile(
    r"(?:'s\s+government)?\s+(?:has\s+|had\s+|have\s+)?(?:respond|said|says|protest|demand|warn|insist|"
    r"retaliat|condemn|denounc|object|reject|apologi|accus|threaten|urg|refus)\w*\b"
    r"|(?:'s|’s)\s+(?:pressure|objection|opposition|protest|demand|threat|insistence|request|one[\s-]china)", re.I)
# 'after pressure from Beijing', 'objections by Beijing': the capital as the state.
GOVERNMENT_PRESSED = re.compile(r"(?:pressure|objections?|opposition|protests?|demands?|threats?)\s+(?:from|by)\s+$",
                                re.I)
LEADING = re.compile(r"^(?:the\s+)?(?:(?:city|county|municipality|province|prefecture|state|town|district)\s+of\s+)?", re.I)
AFTER_CUE = re.compile(r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*|\s+of\s+)$")


def nearby_country(text: str, start: int, end: int, countries: list[PlaceSpan]) -> str | None:
    """A country named right after ('Jonava, Lithuania', 'Jonava in Lithuania',
    'Cebu (Philippines)') or right before ("Japan's Kumamoto", 'the Lithuanian
    city of Jonava', 'Japanese city Matsuyama')."""
    for c in countries:
        if c.start >= end and c.start - end <= 12 and AFTER_CUE.match(text[end:c.start]) \
                and not c.text.endswith(("'s", "’s")) and text[c.end:c.end + 2] not in ("'s", "’s"):
            return c.country  # (not "Legazpi, Taiwan's Hualien": the possessive is the next name's)
        if c.end <= start and start - c.end <= 30:
            between = text[c.end:start]
            if c.level_hint == "demonym" and re.fullmatch(
                    r"\s+(?:(?:sister|partner|friendship|twin)\s+)?(?:city|town|prefecture|county|province|"
                    r"state|municipality|region|capital|port city|island)?(?:\s+of)?\s*", between, re.I):
                return c.country
            possessive = r"\s*" if c.text.endswith(("'s", "’s")) else r"(?:'s|’s)\s+"  # the model's span may hold the 's
            if re.fullmatch(possessive + r"(?:(?:city|town|prefecture|county|province|state)\s+of\s+)?", between):
                return c.country
    return None


# A word of a name: a known abbreviation ('St.', 'Gen.'), else one whose periods are inside it
# ('D.C'): a period at a word's end ends the sentence ('…neighbor Miyakojima. The Okinawa city').
_WORD = r"(?:(?:St|Ste|Sta|Sto|Ft|Mt|Gen|Pt)\.|[A-Z][\w'’-]*(?:\.[\w'’-]+)*)"
_NAME = rf"{_WORD}(?:[ \t](?:{_WORD}|de|del|la|las|los|do|da))*"  # (on one line: 'Asia\nSeoul' is two)
_NAME_BEFORE = re.compile(rf"({_NAME})(?:,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)$")
_NAME_AFTER_POSSESSIVE = re.compile(
    rf"^(?:'s|’s)\s+(?:(?:city|town|prefecture|county|province|state|municipality)\s+of\s+)?({_NAME})")
# "the Northern Mariana Islands' Saipan": the apostrophe is in the country's span
_NAME_AFTER_PLURAL_POSSESSIVE = re.compile(rf"^\s+({_NAME})")
_NAME_AFTER_DEMONYM = re.compile(
    rf"^\s+(?:(?:sister|partner|twin)\s+)?(?:city|town|prefecture|county|province|state|municipality|"
    rf"capital|port city)\s+(?:of\s+)?({_NAME})")
_TITLES = frozenset({"Mayor", "Governor", "Magistrate", "Deputy", "Vice", "President", "Chairman", "Speaker",
                     "Councilor", "Councillor", "Secretary", "Minister", "Ambassador", "Representative"})
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "Mayor", "Governor", "City", "President", "Minister",
                        "Sister", "Friendship", "Twin", "Partner", "Smart", "Capital", "Host", "Port",
                        "Taiwan", "Taipei", "He", "She", "It", "They", "This", "That", "Old", "Home", "Down", "Up"})


def cued_names(text: str, countries: list[PlaceSpan]) -> list[tuple[int, int, str]]:
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
            m = (_NAME_AFTER_PLURAL_POSSESSIVE if c.text.endswith(("s'", "s’")) else _NAME_AFTER_POSSESSIVE
                 ).match(text[c.end:c.end + 60])
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
        name = GOVERNMENT_TAILS.sub("", " ".join(words[:cut]))  # ('Jaluit Atoll Local Government')
        if cut and words[0] not in _NOT_NAMES and name:
            kept.append((s, s + len(name), code))
    return kept


# Capitalised phrases that begin with a place name but name something else.
# A tie's name in a title ('on Friendly City Exchanges') names no town called
# Friendly, and Taoyuan's 'Airport City' (its aerotropolis plan) no town called Airport.
NOT_PLACE_PHRASE = re.compile(r"Belt and Road|Silk Road|Smart City|Airport City|(?:Commonwealth|Republic|Kingdom|Federation) of\b|"
                              r"(?:Sister|Friendly|Friendship|Twin|Partner) Cit(?:y|ies)", re.I)
# Regions that are no government, and words that end the name of a street or
# an organisation rather than a place ('Valley Boulevard', 'Sister Cities
# International').
_NOT_GOVERNMENTS = re.compile(
    r"(?:Asia|Europe|Africa|Oceania|Americas|(?:North|South|Latin|Central) America|Middle East|"
    r"(?:East|West|Southeast|South|North|Central|Eastern|Western) (?:Asia|Europe|Africa)|(?:Asia|Indo)[-– ]Pacific|"
    r"Central|Eastern|Western|Northern|Southern|North|South|East|West|"
    r"Boulevard|Avenue|Street|Road|Plaza|International|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow|"
    r"Day|Week|Month|Year|Festival|Night|"
    r"(?:US|U\.S\.|UK|Partner|Sister|Foreign|Host|Home)\s+(?:City|Cities|Town|State|County))$")  # ('Sister Cities Day' is no
# Day County; a table's heading 'US City | State | Partner City' names no French village of Us)


# The Associated Press's abbreviations of US states and Canadian provinces ('Columbus, Ga.'), and postal codes.
AP_ABBREVIATIONS = {a: f"US-{c}" for a, c in (
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Colo.", "CO"), ("Conn.", "CT"), ("Del.", "DE"),
    ("Fla.", "FL"), ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"), ("Ky.", "KY"), ("La.", "LA"),
    ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"), ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"), ("Mont.", "MT"),
    ("Neb.", "NE"), ("Nev.", "NV"), ("N.H.", "NH"), ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Y.", "NY"), ("N.C.", "NC"),
    ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"), ("Pa.", "PA"), ("R.I.", "RI"), ("S.C.", "SC"), ("S.D.", "SD"),
    ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"), ("Va.", "VA"), ("Wash.", "WA"), ("W.Va.", "WV"), ("Wis.", "WI"),
    ("Wyo.", "WY"))} | {"B.C.": "CA-BC", "Alta.": "CA-AB", "Sask.": "CA-SK", "Man.": "CA-MB", "Ont.": "CA-ON",
                        "Que.": "CA-QC", "N.S.": "CA-NS", "N.B.": "CA-NB"}


def not_a_place(text: str, start: int, end: int) -> bool:
    """A name that looks like a place but is not a government ('Ore.' after 'Portland, ': a state's abbreviation)."""
    joined = re.search(r"[A-Z][a-z]+[-–]$", text[max(0, start - 12):start])  # ('Asia-Pacific': a region)
    return bool(NOT_PLACE_PHRASE.match(text, start) or _NOT_GOVERNMENTS.fullmatch(text, start, end)
                or (joined and _NOT_GOVERNMENTS.fullmatch(joined.group(0) + text[start:end]))
                or (text[max(0, start - 2):start] == ", " and text[start:end + 1] in AP_ABBREVIATIONS))
DIVISION_OF = re.compile(r"(?i)\b(?:state|province|prefecture|county|region|(?:provincial|prefectural|state)\s+government)"
                         r"\s+of\s+$")  # ('the Provincial Government of Cebu': the province)
COUNTRY_SLOT = re.compile(r"(?:\(|,\s|\b(?:Commonwealth|Republic|Kingdom|Territory)\s+of\s+(?:the\s+)?)"  # ('Commonwealth of the Northern Mariana Islands Gov.')
                          r"((?:the\s+)?[A-Z][\w'.-]+(?:[ \t]+(?:of[ \t]+the[ \t]+|of[ \t]+|and[ \t]+)?(?!(?:Gov|Governor|President)\b)[A-Z][\w'.-]+){0,4})"
                          r"(?=\)|,|\.|;|[ \t]*\n|\s+(?:and|to|on|in|for|with)\b|\s+(?:Gov\.|Governor\b|President\b))")
CAPITAL_AFTER = re.compile(r"(?:'s|’s)?\s+(capital(?:\s+city)?)\b")
_REFERENCE_NOUN = re.compile(r"\s+(?:city|town|municipality|prefecture|county|province|state|partner)\b")
_NOUN_LEVELS = {"city": ("city", "district"), "town": ("city", "district"), "municipality": ("city", "district"),
                "prefecture": ("prefecture",), "province": ("province",), "state": ("state",), "county": ("county",)}


def demonym_references(text: str, countries: list[PlaceSpan], foreign: list[PlaceSpan]) -> list[PlaceSpan]:
    """'the Lithuanian city' after 'Jonava in Lithuania', 'the US city' after
    'Miami, Florida': the last place of that country named before stands for it."""
    out = []
    for c in countries:
        noun = _REFERENCE_NOUN.match(text, c.end)
        attributive = c.level_hint == "demonym" or re.fullmatch(r"U\.?S\.?A?|UK|U\.K\.", c.text)  # ('the US city')
        if not attributive or not noun or not re.search(r"(?i)\bthe\s+$", text[max(0, c.start - 5):c.start]):
            continue
        if re.match(r"\s+of\b|\s+[A-Z]", text[noun.end():noun.end() + 4]):
            continue  # 'the Lithuanian city of Jonava' names it right there
        earlier = [f for f in foreign if f.end <= c.start and f.place and f.place.country == c.country]
        # 'a delegation from Ishigaki, Okinawa ... the Japanese city': the
        # place of the level the noun names, not the prefecture locating it.
        kind = noun.group(0).strip().lower()
        earlier = [f for f in earlier if f.place.level.value in _NOUN_LEVELS.get(kind, (f.place.level.value,))] \
            or earlier
        if earlier:
            last = max(earlier, key=lambda f: f.start)
            out.append(PlaceSpan(c.start, noun.end(), text[c.start:noun.end()], "foreign", place=last.place,
                                 notes=["reference"]))
    return out


_SIBLING = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
_YEAR_NOTE = r"(?:\s*\((?:19|20)\d\d\))?"  # ('Rosemead (1985), Okinawa City (1986)')
_LIST_AFTER = re.compile(rf"{_YEAR_NOTE}(?:\s*,\s*(?:and\s+)?|\s+and\s+)({_SIBLING})")
_LIST_BEFORE = re.compile(rf"({_SIBLING}){_YEAR_NOTE}(?:\s*,\s*|\s+and\s+)$")


_NEIGHBOUR_AFTER = re.compile(rf"(?:'s|’s)\s+(?:neighbou?r(?:ing)?|next-door)(?:\s+(?:city|town|village|island))?,?\s+(?:of\s+)?({_NAME})")


def list_siblings(text: str, places: list[PlaceSpan]) -> list[tuple[int, int, str]]:
    """Names listed beside a resolved foreign place, which the model may
    have taken for organisations: in 'with Yonago, Matsuyama, Yasugi and
    Izumo' Matsuyama vouches for the others. (start, end, its country)."""
    out = []
    for p in places:
        if p.place is None or p.place.provisional:
            continue
        at = p.end
        while (m := _LIST_AFTER.match(text, at)) and len(out) < 50:
            out.append((m.start(1), m.end(1), p.place.country))
            at = m.end(1)
        if (m := _NEIGHBOUR_AFTER.match(text, p.end)) is not None:  # "Ishigaki's neighbor Miyakojima"
            out.append((m.start(1), m.end(1), p.place.country))
        at = p.start
        while m := _LIST_BEFORE.search(text, max(0, at - 60), at):
            out.append((m.start(1), m.end(1), p.place.country))
            at = m.start(1)
    return [(s, e, c) for s, e, c in out if text[s:e].split()[0] not in _NOT_NAMES]


_TOWN_BEFORE_DIVISION = re.compile(
    r"((?:[A-Z][a-z]+(?:\s+and\s+|,\s+))*[A-Z][a-z]+)"
    r"(\s+(?:Town|City|Village|Municipality|Island|Cities|Towns|Villages|Islands))?"
    r"(?:\s+of|\s+in|,)\s+(?:the\s+)?(?:(?:U\.?S\.?|US|American|Japanese|Korean|Philippine)['’]?\s+"
    r"|(?:Japan|Korea|China)['’]s\s+)?"
    r"(?:(?:state|prefecture|province)\s+of\s+)?$")


def towns_before_division(text: str, division: PlaceSpan) -> list[tuple[int, int]]:
    """'Shimizu Town of Shizuoka Prefecture', 'Iga and Shima Cities of Mie',
    'Omamachi, Aomori': the towns a division locates, as (start, end) of each
    name, where a government word or a comma ties them to it."""
    m = _TOWN_BEFORE_DIVISION.search(text, max(0, division.start - 80), division.start)
    if not m or (m.group(2) is None and not text[m.end(1):m.end()].startswith(",")):
        return []
    names = [(n.start(), n.end()) for n in re.finditer(r"[A-Z][a-z]+", text[m.start(1):m.end(1)])]
    out = [(m.start(1) + a, m.start(1) + b) for a, b in names]
    if any(text[a:b] in _NOT_NAMES or text[a:b] in _TITLES for a, b in out):
        return []
    return out


IN_TAIWAN = re.compile(r"(?:,\s*|\s+in\s+|\s*\(\s*)(?:Taiwan|the\s+Republic\s+of\s+China|R\.?O\.?C\.?)\b")
# Country names joined by 'and', whose parts the model tags as places of
# their own ('Saint Kitts and Nevis': Nevis is not a party here).
JOINED_COUNTRIES = re.compile(
    r"\b(?:Antigua and Barbuda|Bosnia and Herzegovina|Trinidad and Tobago|"
    r"(?:Saint|St\.?) (?:Kitts|Christopher(?: \((?:Saint|St\.?) Kitts\))?) and Nevis|"
    r"(?:Saint|St\.?) Vincent and the Grenadines|S[aã]o Tom[eé] and Pr[ií]ncipe|Turks and Caicos Islands|"
    r"Wallis and Futuna|(?:Saint|St\.?) Pierre and Miquelon)\b")


def joined_name(written: str) -> str:
    """'St. Kitts and Nevis', 'Saint Christopher (Saint Kitts) and Nevis' ->
    the name the country table knows."""
    name = re.sub(r"\s*\([^)]*\)", "", written).replace("Christopher", "Kitts")
    return re.sub(r"^St\.?\s", "Saint ", name)


# 'the eastern Taiwan city of Hualien': the city, not the county ('its sister city of Yilan' says
# which tie, not which level).
LEVEL_BEFORE = re.compile(r"(?i)(?<!sister\s)(?<!sister-)(?<!twin\s)(?<!twin-)(?<!friendship\s)(?<!partner\s)"
                          r"\b(city|county)\s+of\s+$")
# 'Hsinchu Magistrate Yang Wen-ke': a magistrate or commissioner heads a county, not the city of that name.
COUNTY_HEAD_AFTER = re.compile(r"\s+(?:Magistrate|Commissioner)\b")
LEVEL_AFTER = re.compile(r"(?i),\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}?(city|county)\b(?!['’]|\s+seat)")  # 'Hualien, the Taiwanese city'
# Territories with an ISO country code that sign ties as one government.
TERRITORIES = frozenset({"GU", "AS", "PR", "VI", "MP"})
# A proper noun the model did not tag is taken for a place of this size or more.
DICTIONARY_POPULATION = 100_000
PERSON_TITLES = frozenset({"Mayor", "Governor", "Gov", "Mr", "Mrs", "Ms", "Dr", "Magistrate", "President",
                           "Minister", "Speaker", "Chairman", "Director", "Secretary", "Councilor", "Councillor"})


# 'the Ambassador of Saint Christopher and Nevis': a nation's envoy, not a town's.
ENVOY_OF = re.compile(r"\b(?:Ambassador|Embassy|Consul(?:ate)?(?:[- ]General)?|Envoy)\s+of\s+(?:the\s+)?$")
_NATION_OF = re.compile(r"^(?:the\s+)?(?:State|Republic|Kingdom)\s+of\s+(?:the\s+)?|\.$")


def nation_name(name: str) -> str:
    """'State of Palau.' -> 'Palau': how a nation's formal name reads bare."""
    return _NATION_OF.sub("", name)


# 'between Castries and Taipei', 'Taipei and Castries signed': a name joined
# to a Taiwanese government by 'and' or 'with'.
# ('Yonaguni and Hualien City', 'Hualien, Yonaguni mark 40 years': a headline's comma joins too)
_JOINED_AFTER = re.compile(r"(?:\s+(?:and|&)|,)\s+((?:[A-Z][\w'’-]*\s?){1,3})")
_JOINED_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s){1,3})\s*(?:and|&|with)\s+$|((?:[A-Z][\w'’-]*\s?){1,3}),\s+$")


# 'ended its sister-city relationship with Chapel Hill': the object of a tie
# is a government even where the model took it for an organisation.
_TIE_WITH = re.compile(r"(?i)(?:\b(?:relationships?|relations|ties?|agreements?|partnerships?|memorand(?:um|ums|a)|"
                       r"MOUs?|accords?|pacts?|twinning|of\s+understanding)|\band(?:\s+also)?)\s+with\s+(?:the\s+)?"
                       r"(?:(?:city|town|village|county)\s+of\s+)?$")  # (and '…with Narita in 2016 and with Kaga')


# "Hualien's sister city Yonaguni": a name the tie noun right before it vouches for.
TIE_NOUN_BEFORE = re.compile(r"(?i)\b(?:sister|friendship|twin)[\s-](?:city|town|county|prefecture|state)\s+(?:of\s+)?$")
# 'visited Murray, its sister city', 'Jackson City, Miss., another sister city': a name the tie describes.
# (also 'Yonaguni Town, Hualien City's sister city': the unit word the model split off, and a possessor)
APPOSED_TIE = re.compile(r"(?:\s+(?:Town|City|Village|County))?(?:,\s+[A-Z][a-z]{1,4}\.)?,\s+"
                         r"(?:(?:its|their|the|a|another)\s+|(?:[A-Z][\w.-]*\s+){1,3}?[A-Z][\w.-]*(?:'s|’s)\s+)"
                         r"(?:[\w-]+\s+)?(?:sister|friendship|twin)[\s-](?:city|county|state|town)\b")


def tie_object(text: str, start: int) -> bool:
    return bool(_TIE_WITH.search(text, max(0, start - 60), start))


def named_in_a_tie(text: str, start: int, end: int) -> bool:
    """The object of a tie, or a name a tie noun stands beside: words that
    vouch for a small town's name ('an agreement with Yonaguni', "Hualien's
    sister city Yonaguni", 'visited Murray, its sister city')."""
    return tie_object(text, start) or TIE_NOUN_BEFORE.search(text, max(0, start - 30), start) is not None \
        or APPOSED_TIE.match(text, end) is not None


def joined_to(text: str, start: int, end: int, names) -> bool:
    """Whether the name at ``start:end`` is coordinated with one of ``names``."""
    after = _JOINED_AFTER.match(text, end)
    before = _JOINED_BEFORE.search(text, max(0, start - 50), start)
    for m, take in ((after, lambda w, k: w[:k]), (before, lambda w, k: w[-k:])):
        # ("and Taoyuan's Bade District": the possessive names the city too)
        words = re.sub(r"(?:'s|’s)\b", "", next(g for g in m.groups() if g)).split() if m else []
        if any(" ".join(take(words, k)) in names for k in range(1, len(words) + 1)):
            return True
    return False


def subject_noun(tok, sent) -> bool:
    """'Lakewood has had Hsinchu County as its sister city': a capitalised
    first word the tagger read as a common noun, right before a verb (or
    before its division and then a verb: 'Minamiechizen in Fukui signed')."""
    at = tok.i + 1
    if at + 2 < sent.end and tok.doc[at].text in ("in", ",") and tok.doc[at + 1].tag_ == "NNP":
        at += 2
    return tok.i == sent.start and tok.tag_ == "NN" and at < sent.end and tok.doc[at].tag_.startswith("VB")


_POSSESSIVE_GAP = re.compile(r"(?:'s|’s)\s+(?:[a-z]+,?\s+){0,2}")  # ('Nago's neighbour, Motobu Town')
_TW_IN_GAP = re.compile(r"(?:\s+(?:District|Township)\s+Office)?(?:\s+in|,)\s+"
                        r"|\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}(?:district|township)\s+(?:in|of)\s+")  # ('the first district in')
_IN_GAP = re.compile(r"(?:\s+(?:Town|City|Village))?(?:\s+in|,)\s+(?:the\s+)?")


def possessive_locators(text: str, spans: list[PlaceSpan], divisions) -> None:
    """"Okayama's Kurashiki", "Osaka's neighbour Sakai": a place owning a place of its own division only says
    where that one is; so does the division written after it ('Kikuyo in Kumamoto', 'Kure, Hiroshima'; ``divisions``
    gives the divisions of a country by a name, for one read as the city of that name)."""
    for a, b in zip(spans, spans[1:]):
        if a.is_side and b.is_side and a.place.country == b.place.country == "TW":
            # "Taichung's Xitun District", 'the Xitun District Office in Taichung': the city only locates its district
            if b.place.id.startswith(a.place.id + "-") and _POSSESSIVE_GAP.fullmatch(text, a.end, b.start):
                a.kind = "locator"
            elif a.place.id.startswith(b.place.id + "-") and _TW_IN_GAP.fullmatch(text, a.end, b.start):
                b.kind = "locator"
            continue
        if not (a.is_side and b.is_side and a.place.country == b.place.country and a.place.country != "TW"):
            continue
        if b.place.admin1 in (a.place.name, a.place.admin1 or "") and _POSSESSIVE_GAP.fullmatch(text, a.end, b.start):
            a.kind = "locator"
        elif b.place.id != a.place.id and a.place.admin1 in (None, b.place.name, b.place.admin1) \
                and (b.place.level is not Level.CITY or divisions(b.text, b.place.country)) \
                and fold_core(b.text) == fold_core(a.place.admin1 or b.text) and _IN_GAP.fullmatch(text, a.end, b.start):
            b.kind = "locator"


def leading_len(text: str) -> int:
    """Length of the words before an entity's name that are no part of it ('the City of')."""
    # ("the State of Hawaii's County of Kauai" read as one name: the possessor only locates)
    skip = owner.end() if (owner := _POSSESSOR_LEAD.match(text)) else 0
    return skip + (m.end() if (m := LEADING.match(text[skip:])) else 0)


_POSSESSOR_LEAD = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+(?:of\s+)?){0,3}[A-Z][\w.-]*(?:'s|’s)\s+(?=[A-Z])")


# 'Gimpo, a city in Gyeonggi Province', 'Higashikawa, a small town in central Hokkaido': an
# apposition that says the name before is a government, and where it lies.
UNIT_APPOSED = (r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|county|municipality|district|township)\s+"
                r"(?:located\s+|situated\s+)?(?:in|of)\s+(?:the\s+)?(?:(?:south|north|east|west)(?:ern|east|west)?\s+|central\s+)?")

def clean_name(text: str) -> str:
    """An entity's text without those words, a possessive ending or a
    preposition the model took in ('Knysna Municipality of')."""
    text = LEADING.sub("", text.strip())
    return re.sub(r"(?:'s|’s|\s+(?:of|in))$", "", text).strip()
