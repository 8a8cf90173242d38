"""spaCy component ``citypairs_partnerships``: who partners with whom.

Works sentence by sentence over the places ``citypairs_places`` found. Every
sentence that names a relation (sister city, friendship city, MOU,
cooperation agreement...) proposes a *candidate* for each pair of local
governments it puts together; when it names only one side, or refers to "the
two cities", the missing side comes from the sentences just before or from
the government the document is about. The hand-written rules below (explicit
partners, lists, third parties, someone else's tie) do not drop candidates:
their verdicts become features of the learned pair scorer
(``extractors/pair_scorer.py``), which decides which pairs the document
asserts and how sure it is. The lifecycle event comes from the verbs around
the pair, the date from the nearest date expression, the themes from the
passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors.agreements import agreement_mentions
from extractors.dates import find_dates
from extractors.lexicon import DEFINITE_CUE, PAIR_ANAPHOR, RELATION_RANK, event_of, relations_in
from extractors.pair_scorer import Candidate, DocContext, load_scorer, rule_mentions
from extractors.gazetteer.names import fold_core
from extractors.places import PlaceSpan
from extractors.themes import themes_of
from models.records import DatePrecision, Event, EventDate, Evidence, Mention, Relation, Theme

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates", default=None)
if not Doc.has_extension("pair_context"):
    Doc.set_extension("pair_context", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("title"):
    Doc.set_extension("title", default=None)
if not Doc.has_extension("pages"):
    Doc.set_extension("pages", default=())

LOOKBACK = 3  # sentences searched for a side the sentence itself lacks
ROWS_AFTER_HEADER = 60  # lines of a table or list read under a heading with a cue
MAX_ROW_CHARS = 200  # longer is prose, not a row
_ROW_START = re.compile(r"^(?:[-•*·・◆■●|]|\d{1,3}[.)]?\s)")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_PROSE_END = re.compile(r"[.。!?！？]['\"”’」』]?$")


@Language.factory("citypairs_partnerships", default_config={"theme_window": 6, "scorer": ""},
                  assigns=["doc._.mentions", "doc._.candidates"], requires=["doc._.places"])
def make_partnerships(nlp: Language, name: str, theme_window: int, scorer: str) -> "PartnershipFinder":
    return PartnershipFinder(theme_window, scorer, lang=nlp.lang)


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    sides: list[PlaceSpan]
    orgs: list[PlaceSpan]


class PartnershipFinder:
    def __init__(self, theme_window: int = 6, scorer: str = "", lang: str = "en"):
        self.theme_window = theme_window
        # 'off': the rules alone decide (how training data is gathered).
        self.scorer = None if scorer == "off" else load_scorer(scorer)
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        places = [p for p in (doc._.places or []) if p.is_side]
        # An organisation named after a foreign city still stands for a third
        # party between two places ('Prague councillors').
        orgs = [p for p in (doc._.places or []) if p.kind == "org" and p.place is not None]
        sentences = []
        for sent in doc.sents:
            sides = [p for p in places if sent.start_char <= p.start < sent.end_char]
            others = [p for p in orgs if sent.start_char <= p.start < sent.end_char]
            sentences.append(_Sentence(sent.start_char, sent.end_char, sent.text,
                                       _drop_contained(sides, doc.text), others))
        ctx = _context(doc, places, self.lang)
        agreed = agreement_mentions(doc.text, _drop_contained(places, doc.text), doc._.published,
                                    lambda offset: _page(doc, offset))
        candidates = [Candidate(pair=frozenset((m.a.id, m.b.id)), mentions=[m], selected=True,
                                features={"agreement": 1.0, "rule_conf": m.confidence})
                      for m in agreed]
        agreed_pairs = {c.pair for c in candidates}
        header: tuple[int, list] | None = None  # the last sentence with a cue, and its cues
        for i, sent in enumerate(sentences):
            cues = relations_in(sent.text)
            if not cues:
                if header is not None and i - header[0] <= ROWS_AFTER_HEADER:
                    candidates.extend(self._row_candidates(doc, sentences, i, header))
                continue
            header = (i, cues)
            for cand in self._sentence_candidates(doc, sentences, i, cues):
                # Inside an agreement, 'agree to become sister cities' performs
                # the act: it is not a proposal.
                if cand.pair in agreed_pairs:
                    cand.mentions = [m for m in cand.mentions if m.event is not Event.PROPOSED]
                    if not cand.mentions:
                        continue
                candidates.append(cand)
        doc._.candidates = candidates
        doc._.pair_context = ctx
        doc._.mentions = (self.scorer.decide(candidates, ctx) if self.scorer is not None
                          else rule_mentions(candidates))
        return doc

    def _sentence_candidates(self, doc: Doc, sentences: list[_Sentence], i: int, cues) -> list[Candidate]:
        sent = sentences[i]
        relation = _relation(sent.text, cues, sentences[max(0, i - LOOKBACK):i])
        local = [p for p in sent.sides if p.place.country == "TW"]
        foreign = [p for p in sent.sides if p.place.country != "TW"]
        borrowed = False
        anaphor = PAIR_ANAPHOR.search(sent.text) is not None or (
            bool(foreign) and not local and DEFINITE_CUE.search(sent.text) is not None)
        back_local, back_foreign = _lookback(sentences, i)
        if (not local or not foreign) and anaphor:
            if not local and back_local and (foreign or anaphor):
                local, borrowed = back_local[-1:], True
            if not foreign and back_foreign and (local or anaphor):
                foreign, borrowed = back_foreign[-1:], True
        chains = _chains(doc.text, sent.sides)
        between = _between_pairs(doc.text, sent.sides)
        adjacent = _adjacent_pairs(doc.text, sent.sides)
        rule_pairs = between or adjacent or [
            (a, b) for a in _distinct(local) for b in _distinct(foreign)
            if not _listed_together(doc, a, b, chains)
            and not _third_party_between(a, b, sent.sides + sent.orgs, chains)
            and not _someone_elses_tie(doc.text, a, b, sent.sides)]
        if not rule_pairs:
            distinct_local = _distinct(local)
            if len(distinct_local) == 2 and not foreign:  # two Taiwanese governments
                rule_pairs = [(distinct_local[0], distinct_local[1])]
            distinct_foreign = _distinct(foreign)
            if not local and len(distinct_foreign) == 2:  # two foreign ones
                rule_pairs = [(distinct_foreign[0], distinct_foreign[1])]
        # For recall: every pair the sentence names, and a lone foreign side
        # with the Taiwanese government named last before it; the scorer
        # weighs how each was found. (Pairing it with the government the
        # document names most was tried: on train.jsonl, cross-validated, it
        # added more wrong pairs than right ones.)
        pool = _distinct(sent.sides)
        spans = {p.place.id for p in pool}
        extra: dict[str, str] = {}
        if foreign or not local:
            for s in (local if borrowed else back_local[-1:]):
                if s.place.id not in spans:
                    pool.append(s)
                    spans.add(s.place.id)
                    extra[s.place.id] = "borrowed"
        if borrowed:
            for s in foreign:
                if s.place.id not in spans:
                    pool.append(s)
                    spans.add(s.place.id)
                    extra[s.place.id] = "borrowed"
        pairs = {frozenset((a.place.id, b.place.id)): _oriented(a, b) for a, b in rule_pairs
                 if a.place.id != b.place.id}
        chosen = set(pairs)
        for x_i, x in enumerate(pool):
            for y in pool[x_i + 1:]:
                key = frozenset((x.place.id, y.place.id))
                if len(key) == 2 and key not in pairs and not (x.place.id in extra and y.place.id in extra):
                    pairs[key] = _oriented(x, y)
        if not pairs:
            return []
        date = _nearest_date(sent, doc._.published, cues)
        following = [s.text for s in sentences[i + 1:i + 1 + self.theme_window] if _COOPERATION_TALK.search(s.text)]
        themes = _themes(sent.text, " ".join(following))
        evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end,
                            page=_page(doc, sent.start))
        founded = _founding_date(sent.text, date)
        years_ago = _years_since(sent.text, doc._.published) if date is None else None
        between_keys = {frozenset((a.place.id, b.place.id)) for a, b in between}
        adjacent_keys = {frozenset((a.place.id, b.place.id)) for a, b in adjacent}
        n_rule = len(chosen)
        out = []
        for key, (a, b) in pairs.items():
            event, has_event_cue = _pair_event(doc.text, a, b, sent)
            selected = key in chosen
            confidence = _confidence(relation, has_event_cue, borrowed and selected, max(1, n_rule),
                                     foreign_only=a.place.country != "TW",
                                     provisional=a.place.provisional or b.place.provisional)
            mention = Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text, relation=relation,
                              event=event, date=years_ago if event is Event.ESTABLISHED and years_ago else date,
                              themes=themes, evidence=evidence, confidence=confidence)
            mentions = [mention]
            if founded and event is Event.RENEWED:
                mentions.append(mention.model_copy(update={"event": Event.ESTABLISHED, "date": founded}))
            features = _features(doc, sent, a, b, relation, event, has_event_cue, cues, chains)
            features.update({
                "selected": float(selected), "rule_conf": confidence if selected else 0.0,
                "between": float(key in between_keys), "adjacent": float(key in adjacent_keys),
                "borrowed": float(extra.get(a.place.id) == "borrowed" or extra.get(b.place.id) == "borrowed"),
                "anaphor": float(anaphor), "rule_pairs": math.log1p(n_rule),
                "dated": float(date is not None),
            })
            out.append(Candidate(pair=key, mentions=mentions, features=features, selected=selected))
        return out


    def _row_candidates(self, doc: Doc, sentences: list[_Sentence], i: int, header: tuple[int, list]
                        ) -> list[Candidate]:
        """A row of a table or list under a heading that names the relation
        ('Sister cities' ... 'Juneau  Chiayi  Taiwan Province  1988'): a
        short line without a cue of its own that names a Taiwanese and a
        foreign government pairs them, with the heading's relation and the
        row's own date."""
        sent = sentences[i]
        line = sent.text.strip()
        # A row starts its line, perhaps after a bullet the parser split off.
        prefix = doc.text[doc.text.rfind("\n", 0, sent.start) + 1:sent.start].strip()
        at_line_start = not prefix or _ROW_START.match(prefix + " ") is not None
        if len(line) > MAX_ROW_CHARS or not at_line_start or not (_ROW_START.match(line) or not _PROSE_END.search(line)):
            return []  # prose: a whole sentence ends with a full stop; a row or an item does not
        local = _distinct([p for p in sent.sides if p.place.country == "TW"])
        foreign = _distinct([p for p in sent.sides if p.place.country != "TW"])
        head = sentences[header[0]]
        from_header = False
        if not local and (prefix or _ROW_START.match(line) or _YEAR.search(line)):
            # "Kaohsiung's sister cities:" then one partner per item; an item
            # has a bullet or a year, a dateline or a caption has neither.
            head_local = _distinct([p for p in head.sides if p.place.country == "TW"])
            local, from_header = (head_local, True) if len(head_local) == 1 else ([], False)
        if not local or not foreign:
            return []
        relation = _relation(head.text, header[1], [])
        found = [d for d in find_dates(sent.text, doc._.published)
                 if not _DATE_LABEL.search(sent.text[max(0, d.start - 16):d.start])]
        date = found[0].date if found else None
        event, has_event_cue = event_of(sent.text)
        if not has_event_cue:
            event = Event.ESTABLISHED  # a list of ties lists ties that exist
        evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=_page(doc, sent.start))
        chains = _chains(doc.text, sent.sides)
        out = []
        for a in local:
            for b in foreign:
                mention = Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text, relation=relation,
                                  event=event, date=date, themes=(), evidence=evidence, confidence=0.5)
                features = _features(doc, sent, a, b, relation, event, has_event_cue, [], chains)
                features.update({"table_row": 1.0, "row_pairs": math.log1p(len(local) * len(foreign)),
                                 "side_from_header": float(from_header),
                                 "header_distance": math.log1p(i - header[0]) / 4.0,
                                 "dated": float(date is not None)})
                out.append(Candidate(pair=frozenset((a.place.id, b.place.id)), mentions=[mention],
                                     features=features, selected=False))
        return out


def _oriented(a: PlaceSpan, b: PlaceSpan) -> tuple[PlaceSpan, PlaceSpan]:
    """The Taiwanese side first, else the order of the text."""
    if b.place.country == "TW" and a.place.country != "TW":
        return b, a
    if a.place.country == b.place.country or (a.place.country != "TW" and b.place.country != "TW"):
        return (a, b) if a.start <= b.start else (b, a)
    return a, b


_ADMIN1 = ("state", "prefecture", "province", "region")
_TW_TOP = ("special_municipality", "county", "county_city")


def _features(doc: Doc, sent: _Sentence, a: PlaceSpan, b: PlaceSpan, relation: Relation, event: Event,
              has_event_cue: bool, cues, chains) -> dict[str, float]:
    """What one passage says about one pair, as numbers the scorer weighs."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    in_sentence = sent.start <= a.start < sent.end and sent.start <= b.start < sent.end
    gap = max(0, hi.start - lo.end) if in_sentence else 400
    tw = (a.place.country == "TW") + (b.place.country == "TW")
    cue_starts = [c[1] + sent.start for c in cues]
    near = [min(abs(c - a.start), abs(c - b.start)) for c in cue_starts]
    f = {
        f"rel:{relation.value}": 1.0, f"event:{event.value}": 1.0, "event_cue": float(has_event_cue),
        "in_sentence": float(in_sentence), "gap": math.log1p(gap) / 6.0,
        "cue_between": float(any(lo.end <= c <= hi.start for c in cue_starts)),
        "cue_near": math.log1p(min(near, default=400)) / 6.0,
        "sides": math.log1p(len({s.place.id for s in sent.sides})),
        "countries": math.log1p(len({s.place.country for s in sent.sides})),
        "tw_foreign": float(tw == 1), "tw_tw": float(tw == 2), "foreign_foreign": float(tw == 0),
        "provisional": float(a.place.provisional or b.place.provisional),
        "same_country": float(a.place.country == b.place.country),
        "sentence_len": math.log1p(len(sent.text)) / 6.0,
    }
    for side, s in (("a", a), ("b", b)):
        level = s.place.level.value
        f[f"{side}_admin1"] = float(level in _ADMIN1)
        f[f"{side}_county"] = float(level == "county" and s.place.country != "TW")
        f[f"{side}_tw_top"] = float(s.place.country == "TW" and level in _TW_TOP)
        f[f"{side}_tw_local"] = float(s.place.country == "TW" and level not in _TW_TOP)
    # 'Taichung City's Xitun District signed...': the pair's Taiwanese side
    # contains a government the sentence also names, which is the more
    # likely party.
    f["tw_side_contains_named"] = float(any(
        _TW_PARENT(s.place.id) in (a.place.id, b.place.id) for s in sent.sides))
    if in_sentence and a.place.country != b.place.country:
        f["listed"] = float(_listed_together(doc, a, b, chains))
        f["third_party"] = float(_third_party_between(a, b, sent.sides + sent.orgs, chains))
        f["elses_tie"] = float(_someone_elses_tie(doc.text, a, b, sent.sides))
    return f


def _context(doc: Doc, places: list[PlaceSpan], lang: str) -> DocContext:
    counts = Counter(p.place.id for p in places)
    return DocContext(lang=lang, place_counts=dict(counts), title=doc._.title or "",
                      foreign_places=len({p.place.id for p in places if p.place.country != "TW"}))


def _root(doc: Doc, span: PlaceSpan):
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chars.root if chars is not None else None


# Between two members of a list: perhaps where the first is ('in Japan',
# '(Japan)', ', Canada') and since when (', since 1983', ' (1983)'), then a
# separator.
_LIST_GAP = re.compile(r"^(?:\s+in\s+(?:the\s+)?[A-Z][\w.’' -]*?|\s*\([^)]*\)|,\s*(?:the\s+)?[A-Z][\w.’' -]*?)?"
                       r"(?:,?\s*(?:since\s+|from\s+|in\s+)?\(?\d{4}\)?)?"
                       r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|;\s*)(?:the\s+)?$")


# '喬治市、菲律賓馬尼拉市', '休士頓及洛杉磯': a list separator, perhaps with
# the next member's country or prefecture written before it.
_CJK_LIST_GAP = re.compile(r"^\s*(?:[、，,及和與跟或]|以及)\s*[\u4e00-\u9fff]{0,6}\s*$")


def _chains(text: str, sides: list[PlaceSpan]) -> dict[int, int]:
    """Places written as one list ('Penang, Manila, Houston and Helsinki'):
    maps id(span) to the index of its list."""
    chain, out = 0, {}
    for i, side in enumerate(sides):
        gap = text[sides[i - 1].end:side.start] if i else ""
        if i and not (_LIST_GAP.match(gap) or _CJK_LIST_GAP.match(gap)):
            chain += 1
        out[id(side)] = chain
    return out


def _listed_together(doc: Doc, a: PlaceSpan, b: PlaceSpan, chains: dict[int, int]) -> bool:
    """Members of one list of three or more ('Liuzhou in China, Nancy in
    France, Munich in Germany') are partners of someone else, not of each
    other; two coordinated places ('Kaohsiung and Cebu signed') are partners."""
    if chains.get(id(a)) == chains.get(id(b)):
        return sum(1 for c in chains.values() if c == chains[id(a)]) >= 3
    ra, rb = _root(doc, a), _root(doc, b)
    if ra is None or rb is None or ra == rb:
        return False
    group = {ra, *ra.conjuncts}
    return rb in group and len(group) >= 3


def _third_party_between(a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan], chains: dict[int, int]) -> bool:
    """'Shanghai cut ties with Prague after it signed with Taipei': a
    foreign government standing between the two, and not in a list with
    either of them ('Reno has nine sisters: Yellowknife, Canada; ...;
    Taichung, Taiwan'), is the one the nearer clause is about."""
    lo, hi = sorted((a, b), key=lambda s: s.start)
    foreign = b if b.place.country != "TW" else a
    listed_with = {chains.get(id(a)), chains.get(id(b))}
    return any(lo.end <= s.start and s.end <= hi.start and s.place.country != "TW"
               and s.place.id != foreign.place.id and chains.get(id(s)) not in listed_with
               for s in sides)


# A joiner, then perhaps the unit that locates the partner ('與佐賀縣嬉野市').
_JOINED = re.compile(r"^\s*(?:與|和|及|跟|同|and|with|-|–|/)\s*[^\s、，,。;；]{0,6}$")


def _adjacent_pairs(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """Pairs written as 'A with B' ('九如鄉與
    東串良町、高雄市與北九州市'): pair each side with the one joined to it."""
    pairs, i = [], 0
    while i + 1 < len(sides):
        a, b = sides[i], sides[i + 1]
        if (a.place.country == "TW") != (b.place.country == "TW") and _JOINED.match(text[a.end:b.start]):
            pairs.append((a, b) if a.place.country == "TW" else (b, a))
            i += 2
        else:
            i += 1
    return pairs


_BETWEEN_GAP = re.compile(r"^\s*(?:,\s*[A-Z][\w ]*?,)?\s*and\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?$")


_BARE_AGREEMENT = re.compile(r"(?i)(?:agreements?|accords?|pacts?|協定|協議)$")


# Sentences after the evidence say what the tie covers only when they talk
# about the cooperation itself.
_COOPERATION_TALK = re.compile(
    r"(?i)cooperat|co-operat|collaborat|exchange|partnership|\bareas?\b|\bfields?\b|promot|strengthen|"
    r"agreement|\bMOU|memorand|sister|friendship|\bboth\b|two cities|two sides|合作|交流|領域|雙方|兩市|推動")


def _themes(evidence: str, following: str) -> tuple[Theme, ...]:
    """Themes of the evidence sentence and of the cooperation talk after it."""
    named = set(themes_of(evidence)) | set(themes_of(following))
    return tuple(t for t in Theme if t in named)


def _relation(text: str, cues, before: list[_Sentence]) -> Relation:
    """The relation the sentence creates. 'The sister cities reached an
    accord' names the parties by their old tie: the accord is what was made.
    A bare 'the agreement' means the kind of tie named just before."""
    described = [c for c in cues if c[0] is Relation.SISTER and text[c[1]:c[2]].lower().endswith("cities")
                 and re.search(r"(?i)\b(?:the|their|two|between)\s+$", text[max(0, c[1] - 8):c[1]])]
    if len(described) < len(cues):
        cues = [c for c in cues if c not in described]
    relation = min((c[0] for c in cues), key=RELATION_RANK.__getitem__)
    if relation in (Relation.COOPERATION, Relation.OTHER) and all(_bare(text, c) for c in cues):
        for sent in reversed(before):
            earlier = [c[0] for c in relations_in(sent.text) if c[0] not in (Relation.COOPERATION, Relation.OTHER)]
            if earlier:
                return min(earlier, key=RELATION_RANK.__getitem__)
    return relation


def _bare(text: str, cue) -> bool:
    """'the agreement', '該協定', '締盟': a word for a tie that does not say
    which kind. A Chinese or Japanese name written onto it ('友好協力協定',
    '交流推進協定') says what was signed."""
    words = text[cue[1]:cue[2]]
    if _BARE_TIE.fullmatch(words):
        return True
    if not _BARE_AGREEMENT.search(words):
        return False
    before = text[cue[1] - 1:cue[1]] if cue[1] else ""
    return not _CJK_CHAR.match(before) or before in "該此本這这同上前其"


_BARE_TIE = re.compile(r"締盟|結盟|缔盟|结盟")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _between_pairs(text: str, sides: list[PlaceSpan]) -> list[tuple[PlaceSpan, PlaceSpan]]:
    """'ties between Prague and Taipei': the text says outright who the two
    partners are, so neither pairs with anyone else in the sentence."""
    pairs = []
    for a, b in zip(sides, sides[1:]):
        if (re.search(r"\bbetween\s+(?:the\s+)?(?:sister\s+cities\s+)?(?:[Cc]ity\s+of\s+)?$",
                      text[max(0, a.start - 40):a.start])
                and _BETWEEN_GAP.match(text[a.end:b.start]) and a.place.id != b.place.id):
            pairs.append((b, a) if b.place.country == "TW" and a.place.country != "TW" else (a, b))
        elif _POSSESSIVE_TIE.match(text[a.end:b.start]) and a.place.id != b.place.id:
            pairs.append((b, a) if b.place.country == "TW" and a.place.country != "TW" else (a, b))
    return pairs


# "Hsinchu County's sister city Santa Clara County"
_POSSESSIVE_TIE = re.compile(
    r"^(?:'s|’s)\s+(?:(?:new|first|oldest|latest|\w+-?th)\s+)?(?:sister|friendship|twin|partner)[\s-]+"
    r"(?:city|cities|county|prefecture|state|province|town)\s*,?\s*(?:of\s+)?$", re.I)


_POSSESSED_TIE = re.compile(r"(?i)\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:ties?|relationship|relations|"
                            r"agreement|partnership|status)\s+with\s+$")


def _someone_elses_tie(text: str, a: PlaceSpan, b: PlaceSpan, sides: list[PlaceSpan]) -> bool:
    """'Prague signed with Taipei after ending its tie with Beijing': 'its'
    is the government named first, so Beijing's partner is Prague, not Taipei."""
    foreign = b if b.place.country != "TW" else a
    local = a if foreign is b else b
    if not _POSSESSED_TIE.search(text[max(0, foreign.start - 60):foreign.start]):
        return False
    first = min(sides, key=lambda s: s.start)
    return first.place.id not in (local.place.id, foreign.place.id)


# A clause that gives the background ('after Prague canceled a similar
# agreement with Beijing') does not say what happened to the pair.
_BACKGROUND = re.compile(r"(?i)\b(?:after|following|before|despite|amid|since\s+(?=the\b))\b[^,;.]*")


def _pair_event(text: str, a: PlaceSpan, b: PlaceSpan, sent: _Sentence):
    """The event words between the two places speak for that pair ('Prague
    signed with Taipei after ending its tie with Beijing'); without any, the
    sentence's event holds, background clauses without the pair left out."""
    window = text[min(a.start, b.start):max(a.end, b.end)]
    event, found = event_of(window)
    if found:
        return event, True
    inside = {a.start - sent.start, b.start - sent.start}
    main = _BACKGROUND.sub(lambda m: m.group(0) if any(m.start() <= i < m.end() for i in inside) else " ",
                           sent.text)
    event, found = event_of(main)
    return (event, found) if found else event_of(sent.text)


_ANNIVERSARY_OF_FOUNDING = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){0,6}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b"
    r"|(?:締結|結盟|簽署|簽訂|締盟)[^。，,；]{0,16}?(?P<zh>\d{1,3})\s*[週周]年", re.I)


def _founding_date(text: str, date: EventDate | None) -> EventDate | None:
    """'August 9 is the third anniversary of Taoyuan and Chiba becoming
    sister cities': an anniversary of the founding, with its date, dates the
    founding too."""
    m = _ANNIVERSARY_OF_FOUNDING.search(text) or _ANNIVERSARY_WORDS.search(text)
    if not m or date is None:
        return None
    found = m.groupdict().get("zh") or m.group("n")
    n = int(found) if found.isdigit() else _ORDINALS[found.lower()]
    try:
        value = date.value.replace(year=date.value.year - n)
    except ValueError:  # 29 February
        value = date.value.replace(year=date.value.year - n, day=28)
    return EventDate(value=value, precision=date.precision, text=m.group(0))


_CARDINALS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
# 'It is ten years since Yokohama and Taipei became partner cities': the
# founding, counted back from when the text was written.
_YEARS_SINCE = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(_CARDINALS)})\s+years\s+(?:since|after)\b[^.;]{{0,80}}?"
    r"\b(?:became|signed|established|formed|forged|twinned|inked|concluded)\b", re.I)


def _years_since(text: str, published) -> EventDate | None:
    m = _YEARS_SINCE.search(text)
    if m is None or published is None:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _CARDINALS[m.group("n").lower()]
    return EventDate(value=published.replace(month=1, day=1, year=published.year - n),
                     precision=DatePrecision.YEAR, text=m.group(0))


_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_ANNIVERSARY_WORDS = re.compile(
    rf"\b(?P<n>{'|'.join(list(_ORDINALS)[1:])})\s+anniversary\s+of\s+(?:the\s+)?(?:\w+\s+){{0,6}}?"
    r"(?:signing|establishment|founding|becoming|formation|forging|twinning|inking)\b", re.I)


def _distinct(spans: list[PlaceSpan]) -> list[PlaceSpan]:
    seen, out = set(), []
    for s in spans:
        if s.place.id not in seen:
            seen.add(s.place.id)
            out.append(s)
    return out


_LOCATIVE = re.compile(r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)(?:[A-Z][\w ]*?(?:'s|’s)\s+)?$")
_ADMIN_LEVELS = ("state", "prefecture", "province", "region", "county")


def _locates(big: PlaceSpan, small: PlaceSpan) -> bool:
    same = big.place.country == small.place.country and big.place.id != small.place.id
    return same and (big.place.level.value in _ADMIN_LEVELS or _TW_PARENT(small.place.id) == big.place.id)


def _names_admin1(big: PlaceSpan, small: PlaceSpan) -> bool:
    """'Kure, Hiroshima': the name after is the division holding the place
    before, even where the gazetteer took it for the city of that name."""
    return (big.place.country == small.place.country and small.place.admin1 is not None
            and big.place.id != small.place.id and fold_core(big.text) == fold_core(small.place.admin1))


def _drop_contained(sides: list[PlaceSpan], text: str = "") -> list[PlaceSpan]:
    """'Changzhi Township in Pingtung County', 'Dingalan in Aurora Province',
    "Kaohsiung's Annan District", '屏東縣九如鄉': the larger unit only locates
    the smaller one written beside it; it is not a side."""
    located = set()
    for a, b in zip(sides, sides[1:]):
        gap = text[a.end:b.start]
        if (_locates(b, a) or _names_admin1(b, a)) and _LOCATIVE.match(gap):
            located.add(id(b))
        elif _locates(a, b) and re.fullmatch(r"|(?:'s|’s)\s+", gap):
            located.add(id(a))
    sides = [s for s in sides if id(s) not in located]
    admin1s = {(s.place.country, s.place.admin1) for s in sides if s.place.admin1}
    return [s for s in sides
            if not (s.place.level.value in ("state", "prefecture", "province", "region")
                    and (s.place.country, s.place.name) in admin1s)]


def _TW_PARENT(place_id: str) -> str | None:
    # Taiwan ids nest: TW-PIF-changzhi belongs to TW-PIF.
    if place_id.startswith("TW-") and place_id.count("-") >= 2 and "-hist-" not in place_id:
        return "-".join(place_id.split("-")[:2])
    return None


def _lookback(sentences: list[_Sentence], i: int) -> tuple[list[PlaceSpan], list[PlaceSpan]]:
    local, foreign = [], []
    for sent in sentences[max(0, i - LOOKBACK):i]:
        local += [p for p in sent.sides if p.place.country == "TW"]
        foreign += [p for p in sent.sides if p.place.country != "TW"]
    return local, foreign


# 'PostDate: 2015-12-18', '發布日期：2024-06-15': when the page was made, not the event.
_DATE_LABEL = re.compile(r"(?i)(?:post\s*date|date|published|updated|modified|posted|發布日期|日期|更新)\s*[:：]?\s*$")


def _nearest_date(sent: _Sentence, published, cues) -> EventDate | None:
    found = [d for d in find_dates(sent.text, published)
             if not _DATE_LABEL.search(sent.text[max(0, d.start - 16):d.start])]
    if not found:
        return None
    anchor = cues[0][1]
    return min(found, key=lambda d: abs(d.start - anchor)).date


def _page(doc: Doc, offset: int) -> int | None:
    for page, start, end in doc._.pages or ():
        if start <= offset < end:
            return page
    return None


def _confidence(relation: Relation, has_event_cue: bool, borrowed: bool, n_pairs: int, *,
                foreign_only: bool, provisional: bool) -> float:
    score = 0.55
    if relation in (Relation.SISTER, Relation.FRIENDSHIP):
        score += 0.2
    elif relation is Relation.MOU:
        score += 0.1
    if has_event_cue:
        score += 0.1
    if borrowed:
        score -= 0.15
    if n_pairs > 1:
        score -= min(0.3, 0.07 * (n_pairs - 1))
    if foreign_only:
        score -= 0.1
    if provisional:
        score -= 0.15
    return round(max(0.05, min(0.99, score)), 3)

