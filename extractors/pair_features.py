"""What the pair scorer weighs: one passage's evidence about one pair as
numbers (``pair_features``), and what the whole document says
(``document_context``). The hand-written rules of ``pair_structure`` enter
here as features, not as gates."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from extractors.councils import council_ties
from extractors.elses_ties import organisations_tie, someone_elses_tie
from extractors.pair_scorer import DocContext
from extractors.asides import relative_asides
from extractors.locators import tw_parent
from extractors.pair_structure import listed_together, third_party_between
from extractors.places import PlaceSpan
from extractors.segmentation import text_of
from extractors.theme_scorer import document_themes
from extractors.trip_sides import trip_destination
from models.records import Event, Relation


_ADMIN1 = ("state", "prefecture", "province", "region")
_AFTER_IN = re.compile(r"(?:\b(?:in|at|near)\s+(?:the\s+)?|[在於于])$", re.I)
_TW_TOP = ("special_municipality", "county", "county_city")
# '台北市在1995年與華沙締姊妹市盟約,台南市在2004年與…': each clause its own pair
_CLAUSE_BREAK = re.compile(r"[，；;]|(?<=[\u3040-\u9fff）)]),(?=[\u3040-\u9fff])")
# 'with the mayor of Zhubei City', 'accompanied by officials of ...': whose
# office someone holds, more often than a party
_OFFICIAL_OF = re.compile(r"\b(?:mayor|governor|magistrate|speaker|officials?|representatives?|delegation|"
                          r"councill?ors?|secretary|director)\s+of\s+(?:the\s+)?$", re.I)


def pair_features(doc: Doc, sent, a: PlaceSpan, b: PlaceSpan, relation: Relation, event: Event,
                  has_event_cue: bool, cues, chains, asides: list[tuple[int, int]] | None = None) -> dict[str, float]:
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
        # one character either side, which the comma's neighbours are read from
        "clauses_between": (math.log1p(len(_CLAUSE_BREAK.findall(text_of(doc)[max(0, lo.end - 1):hi.start + 1])))
                            if in_sentence else 0.0),
        "cue_between": float(any(lo.end <= c <= hi.start for c in cue_starts)),
        "cue_near": math.log1p(min(near, default=400)) / 6.0,
        "sides": math.log1p(len({s.place.id for s in sent.sides})),
        "countries": math.log1p(len({s.place.country for s in sent.sides})),
        "tw_foreign": float(tw == 1), "tw_tw": float(tw == 2), "foreign_foreign": float(tw == 0),
        "provisional": float(a.place.provisional or b.place.provisional),
        # a side only the gazetteer vouches for: the model tagged no place there
        "dictionary": float("dictionary" in a.notes or "dictionary" in b.notes),
        # a side the page names only as itself ('本市', 'the City'): its owner, from its address
        "page_owner": float("page owner" in a.notes or "page owner" in b.notes),
        "same_country": float(a.place.country == b.place.country),
        "sentence_len": math.log1p(len(sent.text)) / 6.0,
    }
    for side, s in (("a", a), ("b", b)):
        # 'in California', '就在加州': where something is, more often than a party
        f[f"{side}_after_in"] = float(_AFTER_IN.search(text_of(doc), max(0, s.start - 6), s.start) is not None)
        f[f"{side}_trip"] = float(trip_destination(text_of(doc), s))
        f[f"{side}_official_of"] = float(_OFFICIAL_OF.search(text_of(doc), max(0, s.start - 30), s.start) is not None)
        level = s.place.level.value
        f[f"{side}_admin1"] = float(level in _ADMIN1)
        f[f"{side}_county"] = float(level == "county" and s.place.country != "TW")
        f[f"{side}_tw_top"] = float(s.place.country == "TW" and level in _TW_TOP)
        f[f"{side}_tw_local"] = float(s.place.country == "TW" and level not in _TW_TOP)
    # 'Taichung City's Xitun District signed...': the pair's Taiwanese side
    # contains a government the sentence also names, which is the more
    # likely party.
    f["tw_side_contains_named"] = float(any(
        tw_parent(s.place.id) in (a.place.id, b.place.id) for s in sent.sides))
    if in_sentence and a.place.country != b.place.country:
        f["listed"] = float(listed_together(doc, a, b, chains))
        if asides is None:  # (the sentence's asides, when the caller has not read them already)
            asides = relative_asides(doc, sent.start, sent.end)
        f["third_party"] = float(third_party_between(a, b, sent.sides + sent.orgs, chains, asides, text_of(doc)))
        f["elses_tie"] = float(someone_elses_tie(text_of(doc), a, b, sent.sides) or organisations_tie(a, b, sent.orgs))
    return f


def document_context(doc: Doc, places: list[PlaceSpan], lang: str, sentences: list) -> DocContext:
    """What the document says beside any one passage; ``sentences`` are
    ``other_side.Sentence`` records."""
    counts = Counter(p.place.id for p in places)
    title = doc._.title or ""
    theme_counts, theme_framed = document_themes([s.text for s in sentences])
    return DocContext(lang=lang, place_counts=dict(counts), title=title,
                      foreign_places=len({p.place.id for p in places if p.place.country != "TW"}),
                      theme_counts=theme_counts, theme_framed=theme_framed, sentences=len(sentences),
                      council_ties=council_ties(sentences, text_of(doc)), published=doc._.published)  # '新北市議會與日本神奈川縣議會締盟'
