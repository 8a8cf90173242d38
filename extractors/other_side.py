"""Where a passage's missing side comes from: the sentences just before it,
the subject a pronoun stands for, the owner of a list (a partner's page, a
section title above a table, a page's own government left unsaid)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.cue_guards import unplaced_head
from extractors.datelines import filed_abroad
from extractors.lexicon import DEFINITE_CUE, PAIR_ANAPHOR, relations_in
from extractors.pair_structure import distinct_places
from extractors.places import PlaceSpan
from extractors.unit_anaphors import unit_anaphor
from models.records import Level, Place

LOOKBACK = 3  # sentences searched for a side the sentence itself lacks
SECTION_LOOKBACK = 6  # sentences before a cue heading searched for the section's own name
MAX_SECTION_TITLE = 40
PROSE_END = re.compile(r"[.。!?！？]['\"”’」』]?$")
# '台南市 台湾 2006年4月12日': a line with a full date is a table's row, not its title.
ROW_DATE = re.compile(r"\d{4}\s*(?:年|[-/.])\s*\d{1,2}")
# 'maintains sister city relationships with four cities around the world.',
# '…with the following communities.', '次の都市と': a sentence that announces
# the list under it, colon or not.
LIST_INTRO = re.compile(r"(?i)\b(?:the\s+following|these|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|\d{1,2})\s+(?:[a-z-]+\s+){0,2}?(?:cities|communities|partners|municipalities|"
                        r"counties|towns|regions|prefectures|states|places|governments))\b|(?:次の|下記の|以下の|下列)"
                        r"|\b(?:as\s+follows|(?:listed|shown)\s+below)\b")  # ("Hachioji's sister cities are as follows.")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    sides: list[PlaceSpan]
    orgs: list[PlaceSpan]


def foreign_owner(head: Sentence, sentences: list[Sentence], counts: dict[str, int]) -> list[PlaceSpan]:
    """Whose list it is: the foreign place the whole document names most,
    if no other place (Taiwanese included) is named as often, and the
    heading names it or no place at all; or the one place a short heading
    names ('Cupertino Sister Cities' above a table)."""
    named = [p for p in head.sides if p.place.country != "TW"]
    # ... or a sentence that names one place and opens the list with a colon
    # ('Salt Lake County has sister county relationships with:').
    if len({p.place.id for p in named}) == 1 and len(named) == len(head.sides) \
            and (len(head.text.strip()) <= MAX_SECTION_TITLE or head.text.rstrip().endswith((":", "："))
                 or LIST_INTRO.search(head.text)):
        return named[:1]
    if not counts:
        return []
    top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if n < 2 or sum(1 for v in counts.values() if v == n) > 1:
        return []
    if any(p.place.country == "TW" for p in head.sides) or (named and top not in {p.place.id for p in named}):
        return []
    owner = [p for sent in ([head] if named else sentences) for p in sent.sides if p.place.id == top]
    return owner[:1] if owner and owner[0].place.country != "TW" else []


def speaks_of_before(sentences: list[Sentence], i: int, foreign: bool, local: bool) -> bool:
    """Whether a sentence speaks of a tie the sentences before it named:
    'The agreement, signed in 2003, ...' naming no one, or 'the MOU' beside
    one side only ('Governor Guerrero and Penghu County Magistrate Lai
    signed the agreement')."""
    text = sentences[i].text
    if _names_its_pair(sentences[i]):
        return False
    definite = DEFINITE_CUE.search(text) is not None
    partnerless = _PARTNERLESS.search(text) is not None
    # ('Taoyuan City currently has 33 sister cities. Sister cities: Boise City, Idaho, USA (1988); …': its list)
    listed = _LIST_HEAD.match(text) is not None
    return PAIR_ANAPHOR.search(text) is not None or (foreign and not local and (definite or partnerless or listed)) \
        or (local and not foreign and definite and _foreign_tie_before(sentences, i)) \
        or (local and not foreign and unplaced_head(text) and _foreign_tie_before(sentences, i, cued=False)) \
        or (not sentences[i].sides and DEFINITE_CUE.match(text.lstrip()) is not None)


_LIST_HEAD = re.compile(r"(?i)\s*(?:[\w-]+\s+){1,2}(?:cities|towns|partners|counties|prefectures|states)\s*[:：]")


# 'The Okinawa city of Ishigaki became a sister city in 2012': a tie whose partner the
# sentences before named.
_PARTNERLESS = re.compile(r"\b(?:became|becomes|become|has\s+been|have\s+been)\s+(?:a|an|its|their|our)\s+(?:[\w-]+\s+)?"
                          r"(?:sister|friendship|twin|partner)[\s-]+(?:city|county|state|town|prefecture|province)\b"
                          r"(?!\s+(?:of|with|to)\b|\s+in\s+[A-Z])")


def _names_its_pair(sent: Sentence) -> bool:
    """'Yao and Bellevue signed their sister city agreement': two foreign
    governments of two countries joined by 'and' are whose tie the sentence
    tells, not a Taiwanese one named before."""
    foreign = [s for s in sent.sides if s.place.country != "TW"]
    return any(a.place.country != b.place.country and _AND.fullmatch(sent.text, a.end - sent.start, b.start - sent.start)
               for a, b in zip(foreign, foreign[1:]))


_AND = re.compile(r"\s+(?:and|&)\s+")


def _foreign_tie_before(sentences: list[Sentence], i: int, cued: bool = True) -> bool:
    """A sentence just before states a tie and names a foreign government:
    what 'the agreement' beside a Taiwanese side alone refers back to (foreign
    places are named in passing far more often than Taiwanese ones); or,
    not ``cued``, only names one (whose mayor 'Mayor Wong' is)."""
    return any((relations_in(s.text) or not cued) and any(p.place.country != "TW" for p in s.sides)
               for s in sentences[max(0, i - LOOKBACK):i])


def section_owner(sentences: list[Sentence], header: int) -> list[PlaceSpan]:
    """'Taoyuan' on a line of its own, then 'Friendship cities: 34' and a
    table: the section title names whose ties the table lists."""
    for sent in reversed(sentences[max(0, header - SECTION_LOOKBACK):header]):
        title = sent.text.strip()
        if len(title) > MAX_SECTION_TITLE or PROSE_END.search(title) or ROW_DATE.search(title) or not sent.sides:
            continue
        if all(p.place.country == "TW" for p in sent.sides):
            local = distinct_places(sent.sides)
            return local if len(local) == 1 else []
        return []  # a heading that names a foreign place owns no Taiwanese table
    return []


# 'It became sister towns with Puyan Township', 'The city also signed sister
# pacts with ...': the subject is the government the sentence before began
# with, or of those it names, the one the document is about ('In 1994, Tacoma
# became Davao City's sister city. The city also signed …' is Davao's).
# (A fronted adverbial keeps the subject: 'In addition, the city signed…', 'In May 2018, it formed…'.)
_FRONTED = (r"(?:(?:But|And|Yet|Still|However|Meanwhile|In\s+addition|Additionally|Also|Furthermore|Moreover|Besides|Later"
            r"|Since\s+then|(?:In|On|By)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}),?\s+)?")
_SUBJECT_ANAPHOR = re.compile(r"\s*" + _FRONTED + r"(?:[Ii]ts?|[Tt]he\s+(?:city|town|village|county|prefecture|state|municipality|"
                              r"province|district|township|island|capital)"
                              # 'Mayor-elect Lin said the city will also seek to establish…': reported, the same subject
                              r"|[^.;:]{0,60}?\b(?:said|says|added|noted|announced|stated)\s+(?:that\s+)?the\s+"
                              r"(?:city|town|county|prefecture|state|municipality|township)(?=\s+(?:will|would|has|had|is|"
                              r"was|hopes?|plans?|wants?|also)\b)"
                              # '…Hualien, the Taiwanese city with which the town has been twinned since 1982'
                              r"|[^.;:]{0,200}?\b(?:with|to|of)\s+which\s+the\s+(?:city|town|village|county|prefecture|state|"
                              r"municipality|township)(?=\s+(?:has|have|had|was|is|signed|formed|established)\b))\b(?!\s+(?:of|is\s+located))")


_ITEM = re.compile(r"\s*(?:[-•*·▪]\s*|\d{1,3}[.)]\s+)")


def subject_referent(sentences: list[Sentence], i: int, counts: dict[str, int] | None = None,
                     owner: Place | None = None) -> PlaceSpan | None:
    """What 'The city', 'It' opening a sentence stands for: the place the
    sentences before make their subject; after the rows of a government's
    list of partners ('Taichung | Taiwan | 2017'), the government whose
    list it is."""
    if (anaphor := _SUBJECT_ANAPHOR.match(sentences[i].text)) is None:
        return None
    # ('… received a delegation from Miami-Dade County. The county and Kaohsiung have been sister cities since
    # 2010': the subject is none of the places the sentence names itself, and of a unit the anaphor names.)
    here = {s.place.id for s in sentences[i].sides}
    unit = _ANAPHOR_UNIT.search(anaphor.group(0))
    if unit is not None and owner is not None and owner.id not in here and owner.level.value == unit.group(1).lower():
        # ('The county also maintains sister relationships with …' on Fairfax County's own page)
        return PlaceSpan(sentences[i].start, sentences[i].start, owner.name,
                         "foreign" if owner.country != "TW" else "taiwan", place=owner, notes=["page owner"])
    read = 0
    for j in range(i - 1, -1, -1):
        sent = sentences[j]
        if owner is None and not relations_in(sent.text) and (
                _ITEM.match(sent.text) or (j > 0 and _ITEM.fullmatch(sentences[j - 1].text.strip() + " "))):
            continue  # a numbered or bulleted item ('1.' may stand alone): the list's own government heads it
        read += 1
        if read > LOOKBACK:
            break
        if sent.sides and owner is not None and not relations_in(sent.text) and not PROSE_END.search(sent.text.strip()):
            return PlaceSpan(sentences[i].start, sentences[i].start, owner.name,
                             "foreign" if owner.country != "TW" else "taiwan", place=owner, notes=["page owner"])
        if sent.sides:
            counts = counts or {}
            sides = [s for s in sent.sides if s.place.id not in here] or sent.sides
            if unit is not None:
                sides = [s for s in sides if s.place.level.value == unit.group(1).lower()] or sides
            return max(sides, key=lambda s: counts.get(s.place.id, 0) > 2 * counts.get(sides[0].place.id, 0))
    return None


_ANAPHOR_UNIT = re.compile(r"\b[Tt]he\s+(county|prefecture|state|province|township|district)\s*$")


def subject_pairs(sent: Sentence, subject: PlaceSpan, rule_pairs: list) -> list:
    """The pairs an anaphoric subject ('The city', 'It') makes: where the
    sentence names no government of its kind, one with each place ('The county
    has been a friendship county of San Diego County since 2016'); else one with
    each place of the other kind named before any of its own kind that no pair
    holds yet ('In addition, the city signed an MOU with Kaga City, and a
    friendship agreement with Tainan's sister city Columbus is planned')."""
    def own_kind(p: PlaceSpan) -> bool:
        return (p.place.country == "TW") == (subject.place.country == "TW")

    if not sent.sides:
        return rule_pairs
    if not rule_pairs and not any(own_kind(p) for p in sent.sides):
        return [(subject, s) for s in distinct_places(sent.sides)]
    paired = {s.place.id for pair in rule_pairs for s in pair}
    first_own = min((p.start for p in sent.sides if own_kind(p)), default=sent.end)
    return rule_pairs + [(subject, s) for s in distinct_places(sent.sides)
                         if not own_kind(s) and s.place.id not in paired and s.start < first_own]


# '日光市は、台湾の台南市と…締結しています。また、2016年には台南市と…覚書を交わしました。':
# a Japanese text leaves its topic unsaid in the sentences after it.
_TOPIC_AFTER = re.compile(r"\s*(?:で)?は[、,]?")


def topic_before(sentences: list[Sentence], i: int) -> PlaceSpan | None:
    """The government the sentence just before makes its topic ('日光市は'),
    where this one names none of its kind."""
    if i == 0 or not sentences[i].sides:
        return None
    prev = sentences[i - 1]
    topic = next((p for p in prev.sides if _TOPIC_AFTER.match(prev.text, p.end - prev.start)), None)
    if topic is None or any((p.place.country == "TW") == (topic.place.country == "TW") for p in sentences[i].sides):
        return None
    return topic


def lookback(sentences: list[Sentence], i: int) -> tuple[list[PlaceSpan], list[PlaceSpan]]:
    """The Taiwanese and foreign places of the sentences just before; for a
    sentence that names no place ('The sister city partnership was formed in
    March of 1982.'), of each kind those of the sentences that state a tie,
    where some do (not the park where a plaque was unveiled in between)."""
    before = sentences[max(0, i - LOOKBACK):i]
    local = [p for s in before for p in s.sides if p.place.country == "TW"]
    foreign = [p for s in before for p in s.sides if p.place.country != "TW"]
    if sentences[i].sides:
        return local, foreign
    ties = [s for s in before if relations_in(s.text)]
    return ([p for s in ties for p in s.sides if p.place.country == "TW"] or local,
            [p for s in ties for p in s.sides if p.place.country != "TW"] or foreign)


def partner_before(sentences: list[Sentence], i: int, named: list[PlaceSpan], country: str | None
                   ) -> list[PlaceSpan]:
    """'… approve a sister city agreement with Taoyuan. Bloomington already has sister
    cities in Santa Clara and Posoltega. The mayor will travel to Taoyuan to sign
    the agreement': the side a sentence leaves out is the one the latest
    sentence stating a tie with its named side paired it with (Taiwanese
    where ``country`` is 'TW', foreign where None), not the place named last."""
    ids = {p.place.id for p in named}
    for sent in reversed(sentences[max(0, i - LOOKBACK):i]):
        if ids & {p.place.id for p in sent.sides} and relations_in(sent.text):
            found = [p for p in sent.sides if p.place.id not in ids and (p.place.country == "TW") == (country == "TW")]
            # ('Boise has three sister cities: Chita, Russia; Gernika, Spain; and Tainan, Taiwan': the list's owner)
            listing = _PARTNERS_LISTED.search(sent.text)
            if found and listing and found[0].start < sent.start + listing.start() and all(
                    p.start >= sent.start + listing.end() for p in sent.sides if p.place.id in ids):
                return found[:1]
            if found:
                return found[-1:]
    return []


_PARTNERS_LISTED = re.compile(r"(?i)\b(?:sister|friendship|twin|partner)\s+(?:cities|towns|states|counties)\s*"
                              r"(?:[(（][^)）]{0,20}[)）]\s*)?(?:[:：]|,?\s+(?:including|such\s+as|among\s+them|are|include)\b)")


# A government's page speaking of itself: 'our', 'the Town' in its minutes, a council's motion, 'the sister city agreement with'.
FIRST_PERSON = re.compile(r"(?i)\b(?:our|we)\b|\b(?-i:the\s+(?:City|Town|County|Village|Borough))\b(?!\s+of\b)|"
                          # ('The City has one sister city: …' on the city's own page)
                          r"^\s*(?-i:The\s+(?:City|Town|County|Village|Borough))\b(?!\s+(?:of|Council|Hall|Board|Manager|Clerk)\b)|\b(?:moved|voted|motion)\s+to\s+"
                          r"(?:approve|adopt|authori[sz]e|ratify)\b|\b(?:the|a)\s+(?:sister|friendship)[\s-]+(?:city|county)\s+(?:agreement|relationship)\s+with\b")


def implicit_owner(sent: Sentence, owner: Place | None) -> PlaceSpan | None:
    """'令和6年10月に新北市淡水区と締結した友好交流覚書': on a government's
    own page a sentence that names only the other side leaves the page's
    owner unsaid. A span for it at the sentence's start, marked so that the
    scorer weighs such pairs apart."""
    if owner is None or any(p.place.id == owner.id for p in sent.sides):
        return None
    abroad = owner.country != "TW"
    others = {p.place.id for p in sent.sides if (p.place.country == "TW") == abroad}
    listed = _OWN_LIST.search(sent.text) is not None
    if not others or (len(others) > 1 and not listed) or (
            not listed and any((p.place.country != "TW") == abroad for p in sent.sides)):
        # No other side, a list of them (places a mayor visits) that is not a list of
        # ties, or a side of the owner's own kind outside one: nothing is left unsaid.
        return None
    kind = "foreign" if abroad else "taiwan"
    return PlaceSpan(sent.start, sent.start, owner.name, kind, place=owner,
                     notes=["page owner", "implicit", *(["list"] if listed else [])])


# '其中姊妹市包括美國聖塔安那市（1979年）、加拿大溫尼伯市（1982年）' on Taichung's own page: its list of ties.
_OWN_LIST = re.compile(r"(?:姊妹市|姐妹市|友好城市|友好都市|姉妹都市|(?i:sister\s+cities|friendship\s+cities))\s*"
                       r"(?:包括|包含|計有|有|為|为|は|[:：]|(?i:\s+include|,?\s+including))"
                       # ('the City Council approved friendship city relationships with Taichung and New Taipei City')
                       r"|(?i:\b(?:city|county)\s+(?:relationships|ties|agreements|partnerships)\s+with)\b")


def unnamed_subject(sentences: list[Sentence], i: int, owner: Place | None) -> PlaceSpan | None:
    """Whose partners a sentence that names only objects lists ('ties were
    formed with A in 1990 and with B in 2004'): the page's owner, else the
    one government the sentence before names ('The City of Rancho
    Cucamonga maintains two sister city relationships.')."""
    sent = sentences[i]
    if owner is not None:
        if any(p.place.id == owner.id for p in sent.sides):
            return None
        kind = "taiwan" if owner.country == "TW" else "foreign"
        return PlaceSpan(sent.start, sent.start, owner.name, kind, place=owner, notes=["page owner", "implicit"])
    if i and len({p.place.id for p in sentences[i - 1].sides}) == 1 \
            and not any(p.place.id == sentences[i - 1].sides[0].place.id for p in sent.sides):
        return sentences[i - 1].sides[0]
    return None


# 'the two cities', '兩市': a reference back to cities, not to the state or
# prefecture named after one of them ('Georgetown, Penang's capital').
_CITIES_ANAPHOR = re.compile(r"(?i)\b(?:the\s+(?:two|2|both)|both)\s+(?:cities|towns|municipalities)\b|兩市|両市|両都市")
_DIVISIONS = (Level.STATE, Level.PREFECTURE, Level.PROVINCE, Level.REGION)


def cities_first(text: str, back_foreign: list[PlaceSpan]) -> list[PlaceSpan]:
    """The foreign places a sentence may look back to: past first-level
    divisions where it speaks of cities (all of them if only those)."""
    if not _CITIES_ANAPHOR.search(text):
        return back_foreign
    return [p for p in back_foreign if p.place.level not in _DIVISIONS] or back_foreign


def owner_for_anaphor(sentences: list[Sentence], i: int, owner: Place | None, local: list[PlaceSpan],
                      foreign: list[PlaceSpan]) -> PlaceSpan | None:
    """'ROCHESTER HILLS — Mayor Barnett welcomed a delegation from Taitung
    County. … after the two communities signed a memorandum': on a
    government's own page, where the sentences before name only the other
    side, 'the two communities' are the owner and that side."""
    if owner is None or any(p.place.id == owner.id for p in local + foreign):
        return None
    abroad = owner.country != "TW"
    named = foreign if abroad else local
    if named or any((p.place.country != "TW") == abroad and p.place.id != owner.id
                    for s in sentences[max(0, i - LOOKBACK):i] for p in s.sides):
        return None
    kind = "foreign" if abroad else "taiwan"
    return PlaceSpan(sentences[i].start, sentences[i].start, owner.name, kind, place=owner,
                     notes=["page owner", "implicit"])


@dataclass(slots=True)
class PassageSides:
    """The two sides of a passage, with those it leaves unsaid filled in."""

    local: list[PlaceSpan]
    foreign: list[PlaceSpan]
    borrowed: bool  # a side came from the sentences before
    anaphor: bool  # the passage points back to a tie named before ('the two cities', 'the agreement')
    back_local: list[PlaceSpan]  # the Taiwanese places of the sentences just before


def passage_sides(sentences: list[Sentence], i: int, owner: Place | None, places: list[PlaceSpan],
                  lang: str) -> PassageSides:
    sent = sentences[i]
    local = [p for p in sent.sides if p.place.country == "TW"]
    foreign = [p for p in sent.sides if p.place.country != "TW"]
    borrowed = False
    anaphor = speaks_of_before(sentences, i, bool(foreign), bool(local))
    back_local, back_foreign = lookback(sentences, i)
    back_foreign = cities_first(sent.text, back_foreign)
    if anaphor and owner is not None and owner.country != "TW" and foreign and not local \
            and all(_named_tie(sent, s) or s.place.id == owner.id for s in foreign):
        anaphor = False  # ('The Kitakyushu partnership …' on Tacoma's page: the owner's tie, not a Taiwanese one)
    if anaphor and foreign and not local and back_local and back_foreign and _PAIR_SUBJECT.match(sent.text):
        # 'The two cities became sister cities in 1990, when the mayor visited California': the pair
        # named before, not a place a clause names in passing
        foreign = partner_before(sentences, i, back_local[-1:], None) or back_foreign[-1:]
        local, borrowed = partner_before(sentences, i, foreign, "TW") or back_local[-1:], True
    if (not local or not foreign) and anaphor:
        if not local and back_local and (foreign or anaphor):
            local, borrowed = partner_before(sentences, i, foreign, "TW") or back_local[-1:], True
        # (on a foreign government's own page its tie is its own: 'The City Council approves the Agreement with Xinyi')
        if not foreign and back_foreign and (local or anaphor) and not (owner is not None and owner.country != "TW"):
            foreign, borrowed = partner_before(sentences, i, local, None) or back_foreign[-1:], True
    if anaphor and bool(local) != bool(foreign) and (  # (a story filed from the partner's city: 'CEBU CITY – Mayor Rama')
            spoken := owner_for_anaphor(sentences, i, owner or (
                filed_abroad(places) if PAIR_ANAPHOR.search(sent.text) else None), local, foreign)) is not None:
        local, foreign, borrowed = local or [spoken], foreign or [spoken], True  # 'the two communities' on its page
    if bool(local) != bool(foreign) and (unit := unit_anaphor(sent, places, bool(local), lang, sentences[:i])) is not None:
        local, foreign, borrowed = local or [unit], foreign or [unit], True
    return PassageSides(local, foreign, borrowed, anaphor, back_local)


_PAIR_SUBJECT = re.compile(r"(?i)\s*(?:(?:in|on|by|since)\s+[\w ,]{1,25}?,\s+)?(?:the\s+two|both|the\s+pair)\s+[a-z]")
_TIE_BY_NAME = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir)\s+$")
_TIE_NOUN_AFTER = re.compile(r"\s+(?:relationship|partnership)\b")


def _named_tie(sent: Sentence, span: PlaceSpan) -> bool:
    """'the Kitakyushu partnership': a tie called by its partner's name."""
    at, end = span.start - sent.start, span.end - sent.start
    return _TIE_BY_NAME.search(sent.text, max(0, at - 8), at) is not None and _TIE_NOUN_AFTER.match(sent.text, end) is not None
