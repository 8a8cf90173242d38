"""An anniversary the next sentence keeps ('那覇市は、台北市と2013年に友好都市
協定を締結しました。令和5年には締結10周年記念事業を実施しました。', 'The two
cities signed in 2014. Last year they marked the tenth anniversary of the
agreement.'): a sentence that names no kind of tie and no place but the
pair's, but the anniversary of a signing, renews the one tie the sentence
before stated."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from extractors.anniversaries import marked_founding
from extractors.clause_ties import clause_ties, later_ties
from extractors.dates import cjk_number, find_dates
from extractors.event_dates import sharpest
from extractors.lexicon import event_of, relations_in
from extractors.other_side import Sentence
from extractors.pair_features import pair_features
from extractors.pair_scorer import Candidate
from extractors.pair_structure import adjacent_pairs, list_chains
from extractors.tie_kinds import relation_of
from extractors.segmentation import text_of
from models.records import DatePrecision, Event, EventDate, Evidence, Mention

# Ordinals written out, as news writes the round ones ('the fifth anniversary of the agreement').
_SPELLED = {w: i for i, w in enumerate("zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())} | {
    "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "thirty-fifth": 35, "fortieth": 40,
    "forty-fifth": 45, "fiftieth": 50, "sixtieth": 60}
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted((w for w in _SPELLED if w != "zeroth"), key=len, reverse=True)) + ")"
_FOLLOWUP = re.compile(
    r"(?:締結|提携|締盟|結盟|簽約|簽署|締約|協定)[^。．.]{0,6}?(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,4})\s*(?:周年|週年)"
    rf"|(?i:\b(?P<n>{_ORDINAL})\s+anniversary\s+of\s+(?:the|their|our|its)\s+"
    r"(?:signing|agreement|partnership|ties|relationship|twinning|sister[\s-]+cit(?:y|ies)(?:\s+(?:agreement|relationship|ties))?)\b)"
    # 'In 2004, the two cities marked the 25th anniversary with a delegation visit'
    r"|(?i:\b(?:the\s+(?:(?:two|2)\s+)?(?:cities|towns|counties|sides)|both\s+cities)\s+(?:marked|celebrated|commemorated)\s+(?:the|their)\s+"
    rf"(?P<m>{_ORDINAL})\s+anniversary\b)"
    # '今年で42周年を迎え、10月8日に記念式典を…', '今年適逢第30週年': this year's count, after the founding
    r"|(?:今年|本年)(?:で|は|適逢|迎來|迎来|邁入|迈入)?\s*第?(?P<y>\d{1,3}|[一二三四五六七八九十]{1,4})\s*(?:周年|週年)")


def anniversary_followups(sent: Sentence, before: list[Candidate], published: dt.date | None,
                          page: int | None) -> list[Candidate]:
    """The renewal (and the founding it counts from) that ``sent`` states of
    the one pair the rules chose in the sentence before (``before``)."""
    m = _FOLLOWUP.search(sent.text)
    chosen = [c for c in before if c.selected]
    if m is None or len({c.pair for c in chosen}) != 1 or not {p.place.id for p in sent.sides} <= chosen[0].pair:
        return []  # (it may name the pair again: '締結10周年の平成28年には、高雄市長が八王子市を訪問')
    count = next(g for g in (m.group("n"), m.group("m"), m.group("zh"), m.group("y")) if g)
    count = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", count.lower())
    n = int(count) if count.isdigit() else _SPELLED[count] if count in _SPELLED else cjk_number(count)
    found = find_dates(sent.text, published)
    # ('1982年に姉妹都市となっており、昨年は締結40周年の記念式典を開いた': the date nearest the count keeps it)
    near = min(found, key=lambda d: abs(d.start - m.start())) if found else None
    kept = sharpest(found, near).date if near else (
        EventDate(value=published.replace(month=1, day=1), precision=DatePrecision.YEAR, text=str(published.year))
        if published else None)
    evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=page)
    base = chosen[0].mentions[0]
    # A sentence naming the tie's kind speaks of that tie: the sister cities of 1982, not the pact signed before it.
    own = relation_of(sent.text, cues, []) if (cues := relations_in(sent.text)) else base.relation
    renewed = base.model_copy(update={"event": Event.RENEWED, "date": kept, "evidence": evidence, "themes": (),
                                      "relation": own})
    mentions = [renewed]
    if kept is not None and (base.date is None or own is not base.relation):
        written = [d.date for d in found if abs(kept.value.year - n - d.date.value.year) <= 1 and d.date is not kept]
        founding = written[0] if written else EventDate(value=dt.date(kept.value.year - n, 1, 1),
                                                        precision=DatePrecision.YEAR, text="")
        mentions.append(base.model_copy(update={"date": founding, "evidence": evidence, "themes": (),
                                                "relation": own, "event": Event.ESTABLISHED}))
    return [Candidate(pair=chosen[0].pair, mentions=mentions, features={**chosen[0].features, "followup": 1.0},
                      selected=True)]


_UPGRADE = re.compile(r"格上げ|升格|升級|升级")


_THE_TIE = re.compile(r"\s*(?:The|This|That|Our)\s+(?:(?:sister|friendship|twin)[\s-](?:city|cities|county|state|town)\s+)?"
                      r"(?:relationship|partnership|agreement|ties?|MOU|memorandum|pact|accord)\b")


_BEGAN = re.compile(r"\b(?:began|begun|started|dat(?:es|ed|ing)\s+(?:back\s+)?(?:to|from)|go(?:es)?\s+back\s+to|"
                    r"was\s+(?:made\s+official|formali[sz]ed|launched|initiated))\b")


def unsaid_pair(sent: Sentence, prev: Sentence, before: list[Candidate], lang: str, published: dt.date | None,
                page: int | None) -> list[Candidate]:
    """'台湾・基隆市（友好都市）' then '平成30年（2018年）に友好交流協定を締結しました。':
    a Japanese sentence that states a signing and names no one is about the
    one pair the rules chose in the sentence just before (its topic left
    unsaid); in Chinese, only under a heading line (no full stop). Only a
    prose sentence: a row of a table with a name not read is another row."""
    chosen = [c for c in before if c.selected]
    event, found = event_of(sent.text)
    heading = "。" not in prev.text and "." not in prev.text.strip()[-1:] and prev.text.endswith("\n")
    # English names the tie it goes on about: 'Our sister city is Hsinchu County, Taiwan. The relationship
    # was made official on April 12, 1995, …' (on the partner's page, whose own name the sentence before left unsaid)
    english = lang == "en" and _THE_TIE.match(sent.text) is not None and sent.text.strip().endswith(".")
    found = found or (english and _BEGAN.search(sent.text) is not None)  # ('The relationship began in 1992.')
    if (lang not in ("ja", "zh") and not english) or (lang == "zh" and not heading) or len({c.pair for c in chosen}) != 1 \
            or not found or event is Event.PROPOSED or sent.sides or not (english or relations_in(sent.text)) \
            or not (english or sent.text.strip().endswith("。")) \
            or any(c.mentions[0].evidence.start != prev.start for c in chosen):
        return []  # (the pair of the sentence just before, not of one further back)
    found_dates = find_dates(sent.text, published)
    date = sharpest(found_dates, found_dates[0]).date if found_dates else None
    evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=page)
    cues = relations_in(sent.text)
    relation = relation_of(sent.text, cues, [prev.text]) if cues or not english else chosen[0].mentions[0].relation
    # '両市は2017年から友好交流協定を結んでおり、今回の締結で関係を格上げしました': the tie made then, and this upgrade
    later = later_ties(sent.text, 0, [])
    ties = clause_ties(sent.text, later, relation, published, None) if later else []
    first = chosen[0].mentions[0]
    # (an undated upgrade, '今回の締結で…格上げ', is the signing the sentence before told, of the kind it made)
    told = [(first.relation, t.event, first.date) if t.event is Event.RENEWED and t.date is None and _UPGRADE.search(
        sent.text) else (t.relation, t.event, t.date) for t in ties] or [(relation, event, date)]
    if event is Event.RENEWED and not ties and (marked := marked_founding(sent.text, published, cues)) is not None:
        # '協定は2006年に締結され、今回で3回目の更新となる': the founding the renewal told before goes back to
        told = [(relation, Event.ESTABLISHED, marked[0])] + [(relation, Event.RENEWED, marked[1])] * (marked[1] is not None)
    mentions = [first.model_copy(update={
        "event": e, "date": d, "evidence": evidence, "themes": (), "relation": r}) for r, e, d in told]
    return [Candidate(pair=chosen[0].pair, mentions=mentions, features={**chosen[0].features, "followup": 1.0},
                      selected=True)]


def example_pairs(doc: Doc, sentences: list[Sentence], i: int, page: int | None) -> list[Candidate]:
    """Pairs a sentence gives as examples of the ties the sentence before
    names ('…姉妹都市や友好都市の提携は100件を超える。青森県と台中市、熊本市と
    高雄市などが代表例だ。'): a sentence with no word for a tie whose every
    place is joined to one of the other side, two pairs or more."""
    sent, head = sentences[i], sentences[i - 1]
    cues = relations_in(head.text)
    if not cues:
        return []  # (the sentence before names no tie: these are no examples of one)
    text = text_of(doc)
    pairs = adjacent_pairs(text, sent.sides) or [  # ('青森県と台中市、熊本市と高雄市')
        (a, b) if a.place.country == "TW" else (b, a) for a, b in zip(sent.sides, sent.sides[1:])
        if text[a.end:b.start].strip() == "と" and (a.place.country == "TW") != (b.place.country == "TW")]
    if len(pairs) < 2 or {p.place.id for p in sent.sides} != {s.place.id for pair in pairs for s in pair} \
            or min(len({pair[0].place.id for pair in pairs}), len({pair[1].place.id for pair in pairs})) < 2:
        return []  # (examples pair different places: '本市亦與千葉縣、埼玉縣有交流' is one government's exchanges)
    relation = relation_of(head.text, cues, [])
    evidence = Evidence(text=sent.text.strip(), start=sent.start, end=sent.end, page=page)
    chains = list_chains(text, sent.sides)
    out = []
    for a, b in pairs:
        mention = Mention(a=a.place, b=b.place, a_text=a.text, b_text=b.text, relation=relation,
                          event=Event.ESTABLISHED, date=None, themes=(), evidence=evidence, confidence=0.5)
        features = {**pair_features(doc, sent, a, b, relation, Event.ESTABLISHED, False, [], chains), "examples": 1.0}
        out.append(Candidate(pair=frozenset((a.place.id, b.place.id)), mentions=[mention], features=features,
                             selected=True))
    return out
