"""Which themes a partnership covers: keyword hits weighed by a learned model.

The theme lexicon (``themes.py``) finds every word about trade, schools,
farming...; most texts about a tie also talk about other things (the mayor's
visit, the delegation's dinner, another city's fair), and on the labelled
corpus the keywords around the evidence gave three wrong themes for every one
they missed. Here each theme the document mentions becomes a candidate for
each pair, described by where its words stand (in the evidence, in the
cooperation talk after it, elsewhere in the document), and a
logistic model trained with the pair scorer (``extractors/theme_training.py``)
keeps those that the labels say a reader would list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from extractors.pair_wording import strip_office_names
from extractors.themes import find_themes
from models.records import Mention, Theme

_ORDER = {t.value: i for i, t in enumerate(Theme)}


@dataclass(frozen=True, slots=True)
class ThemeCue:
    """Where one theme's words stand around one passage."""

    evidence: int = 0  # hits in the evidence sentence
    following: int = 0  # hits in the cooperation talk after it
    distance: int = 0  # sentences from the evidence to the first following hit (0: none)
    framed: int = 0  # hits that a word for cooperation governs ('cooperate in education')
    enumerated: int = 0  # hits in a list of fields with another theme's word ('trade, tourism and education')


def hit_counts(text: str) -> Counter[str]:
    return Counter(h.theme.value for h in find_themes(strip_office_names(text)))


# 'cooperation in agriculture and tourism', 'exchanges such as...', '在農業、觀光等領域合作'
_FRAME_BEFORE = re.compile(r"(?i)(?:cooperat|co-operat|collaborat|exchanges?|partnership|\bareas?\b|\bfields?\b|"
                           r"such as|including|promot|strengthen|deepen|expand|\bcover(?:s|ed|ing)?\b|"
                           r"合作|交流|推動|促進|加強|深化|包括|協力|連携|分野)")
_FRAME_AFTER = re.compile(r"(?i)(?:cooperat|co-operat|collaborat|exchanges?|\bareas?\b|\bfields?\b|sectors?|"
                          r"合作|交流|領域|方面|協力|連携|分野)")


# What may stand between two items of a list of fields: a few words, then a
# comma, 'and', 'as well as', '、', '與'... ('economic and trade', '觀光、教育').
_LIST_JOIN = re.compile(r"^[\w\s-]{0,20}?(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|&|as\s+well\s+as)\s+)$"
                        r"|^[^，。,；;、]{0,4}[、與与和及や・]$")


def _keywords(text: str) -> dict[str, list[tuple[str, bool, bool]]]:
    """Theme -> (lexicon entry, framed, enumerated) of each hit."""
    text = strip_office_names(text)
    out: dict[str, list[tuple[str, bool, bool]]] = {}
    hits = find_themes(text)
    for k, h in enumerate(hits):
        framed = bool(_FRAME_BEFORE.search(text[max(0, h.start - 60):h.start])
                      or _FRAME_AFTER.search(text[h.end:h.end + 30]))
        enumerated = any(o.theme is not h.theme and _LIST_JOIN.match(text[min(o.end, h.end):max(o.start, h.start)])
                         for o in hits[max(0, k - 1):k + 2] if o is not h)
        out.setdefault(h.theme.value, []).append((h.keyword, framed, enumerated))
    return out


def theme_cues(evidence: str, following: list[str]) -> dict[str, ThemeCue]:
    """Each theme of the evidence and of the cooperation talk after it;
    ``following`` holds the sentences after the evidence, '' where one is
    not talk about the cooperation."""
    words = _keywords(evidence)
    in_evidence = {t: len(w) for t, w in words.items()}
    after: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, text in enumerate(following, start=1):
        for theme, found in _keywords(text).items() if text else ():
            after[theme] += len(found)
            first.setdefault(theme, k)
            words.setdefault(theme, []).extend(found)
    return {t: ThemeCue(in_evidence.get(t, 0), after.get(t, 0), first.get(t, 0),
                        sum(f for _, f, _ in words[t]), sum(e for _, _, e in words[t]))
            for t in sorted(words, key=_ORDER.__getitem__)}


def document_themes(sentences: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Theme -> number of the document's sentences that use its words, and
    number of those where a word for cooperation governs them."""
    counts: Counter[str] = Counter()
    framed: Counter[str] = Counter()
    for text in sentences:
        for theme, hits in _keywords(text).items():
            counts[theme] += 1
            if any(f for _, f, _ in hits):
                framed[theme] += 1
    return dict(counts), dict(framed)


def theme_features(theme: str, cues: list[dict[str, ThemeCue]], doc_counts: dict[str, int], sentences: int,
                   lang: str, doc_framed: dict[str, int],
                   standing: dict[str, float] | None = None) -> dict[str, float]:
    """What says that a pair's tie covers ``theme``: ``cues`` holds, per
    passage stating the pair, that passage's theme cues; ``standing`` where
    the pair stands among the document's pairs (``pair_standing``). (The
    title's themes are no feature: the model weighed a theme its title names
    down, against the labels, where a theme's words stand elsewhere too;
    without it cross-validated theme F1 held, 0.795 -> 0.794, dev2 0.723 ->
    0.733.)"""
    mine = [c[theme] for c in cues if theme in c]
    ev = max((c.evidence for c in mine), default=0)
    fol = max((c.following for c in mine), default=0)
    dist = min((c.distance for c in mine if c.distance), default=0)
    window = {t for c in cues for t in c}
    top = max(doc_counts.values(), default=0)
    n_doc = doc_counts.get(theme, 0)
    return {
        # No feature names the theme itself: per-theme weights fitted the train
        # corpus's habits (out-of-fold AUC 0.860 -> 0.867 without them; dev2 0.738 -> 0.778).
        "evidence": math.log1p(ev),
        "following": math.log1p(fol),
        "near_following": 1.0 / dist if dist else 0.0,
        "in_window": float(bool(ev or fol)),
        "passage_share": len(mine) / len(cues) if cues else 0.0,
        "window_themes": math.log1p(len(window)),
        "doc": math.log1p(n_doc), "doc_share": n_doc / max(1, sentences),
        "doc_top": float(n_doc == top and top > 0),
        "framed": math.log1p(max((c.framed for c in mine), default=0)),
        "enumerated": math.log1p(max((c.enumerated for c in mine), default=0)),
        "doc_framed": math.log1p(doc_framed.get(theme, 0)),
        f"lang:{lang[:2]}": 1.0,
        **(standing or {}),
        # A linear model cannot weigh 'no theme word in the evidence' more in a
        # document of many ties than in one about a single tie: these products can
        # (cross-validated theme F1 0.741 -> 0.747, better in all four fold assignments).
        "bare_x_pairs": float(ev == 0) * (standing or {}).get("doc_pairs", 0.0),
        "side_x_window": (1.0 - (standing or {}).get("pair_main", 0.0)) * float(bool(ev or fol)),
    }


def pair_standing(side_counts: list[int], others: list[list[int]], listed: bool) -> dict[str, float]:
    """Whether a pair is what the document is about or one tie among many
    it names in passing: on the labelled corpus a pair whose sides are not
    the document's most named gets themes one time in nine, a pair of a
    list of more than three one time in seven, the main pair one in two.
    ``side_counts`` are the pair's sides' mentions in the document,
    ``others`` every candidate pair's (this one included)."""
    strength = min(side_counts, default=0)
    mins = [min(c, default=0) for c in others]
    top = max(mins, default=0)
    # A list page names each partner once: its many pairs all share the top
    # strength, and none is what the page is about.
    main = strength >= top and mins.count(top) <= 2
    return {"pair_main": float(main), "doc_pairs": math.log1p(len(others)), "pair_listed": float(listed)}


class ThemeScorer:
    """A logistic model over ``theme_features`` and the probability cut."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float):
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    @classmethod
    def from_json(cls, raw: dict) -> "ThemeScorer":
        return cls({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["intercept"]),
                   float(raw["threshold"]))

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, cues: list[dict[str, ThemeCue]], doc_counts: dict[str, int], sentences: int,
               lang: str, doc_framed: dict[str, int],
               standing: dict[str, float] | None = None) -> tuple[Theme, ...]:
        return tuple(Theme(t) for t in candidate_themes(cues, doc_framed, standing)
                     if self.probability(theme_features(t, cues, doc_counts, sentences, lang, doc_framed,
                                                        standing)) >= self.threshold)


def shared_signing(mentions: list[Mention]) -> list[Mention]:
    """Partners that one sentence states one event for ('signed a MOU with
    Aomori Prefecture and Hirosaki City') share one agreement, and so its
    themes: every pair of such a sentence that got themes gets those any of
    them got (the labelled corpus gives them equal themes in 11 of 11 such
    groups; the pair named less often had lost some). A pair that got none
    keeps none: a sentence that lists a city's older ties beside the new one
    shares no agreement with it."""
    def signing(m: Mention) -> tuple:
        return m.evidence.text, m.event

    shared: dict[tuple, set[Theme]] = {}
    pairs: dict[tuple, set[tuple[str, str]]] = {}
    for m in mentions:
        shared.setdefault(signing(m), set()).update(m.themes)
        pairs.setdefault(signing(m), set()).add((m.a.id, m.b.id))
    return [m.model_copy(update={"themes": tuple(sorted(shared[signing(m)], key=lambda t: _ORDER[t.value]))})
            if m.themes and len(pairs[signing(m)]) > 1 else m
            for m in mentions]


def candidate_themes(cues: list[dict[str, ThemeCue]], doc_framed: dict[str, int] | None = None,
                     standing: dict[str, float] | None = None) -> list[str]:
    """Every theme the passages stating a pair mention, in taxonomy order,
    and for the pair the document is about, every theme a word for
    cooperation governs anywhere in it ('cooperate in education' three
    paragraphs down): the corpus lists three in ten of those for the main
    pair, one in thirty for the others (whose document-wide themes are no
    candidates: the model never kept one)."""
    extra = set(doc_framed or ()) if standing and standing.get("pair_main") else set()
    return sorted({t for c in cues for t in c} | extra, key=_ORDER.__getitem__)
