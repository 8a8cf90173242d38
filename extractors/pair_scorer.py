"""The learned pair scorer: which candidate pairs a document really asserts.

``citypairs_partnerships`` proposes a *candidate* for every pair of local
governments that a passage with a relation cue puts together, with the
verdicts of the hand-written rules as features rather than gates. This
module turns the candidates of one document into its mentions: candidates
of the same pair are pooled into one feature vector, a logistic model
trained on the labelled corpus (``extractors/training.py``) scores it, and
a calibration curve fitted on held-out folds turns the score into a calibrated
probability, which becomes the mentions' confidence.

The model is a small JSON file (weights, calibration, threshold), read with
the standard library: nothing is unpickled, and scikit-learn is needed only
to train it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractors.councils import COUNCIL_WORD, council_key
from extractors.theme_scorer import ThemeCue, ThemeScorer, hit_counts, pair_standing, shared_signing
from models.errors import ConfigError
from models.records import DatePrecision, Event, Mention, Theme, founding_choice

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).parent / "data" / "pair_scorer.json"

# Flags that count against a pair: pooled with min (every passage says so)
# as well as max (some passage says so).
_NEGATIVE = ("listed", "third_party", "elses_tie", "borrowed")


@dataclass(slots=True)
class Candidate:
    """One pair as one passage puts it together."""

    pair: frozenset[str]  # the two place ids
    mentions: list[Mention]  # what the passage says of the pair (one per event)
    features: dict[str, float]
    selected: bool  # the hand-written rules would have emitted it
    themes: dict[str, ThemeCue] = field(default_factory=dict)  # theme -> where its words stand
    alone: frozenset[str] = frozenset()  # places the passage also names apart from any place beside them


@dataclass(slots=True)
class DocContext:
    """What the whole document says, beside any one passage."""

    lang: str = "en"
    place_counts: dict[str, int] = field(default_factory=dict)  # place id -> mentions in the document
    foreign_places: int = 0  # distinct foreign places named
    title: str = ""
    theme_counts: dict[str, int] = field(default_factory=dict)  # theme -> sentences using its words
    theme_framed: dict[str, int] = field(default_factory=dict)  # ... where a word for cooperation governs them
    sentences: int = 0
    council_ties: frozenset = frozenset()  # pairs whose councils a tie sentence joins (``councils.council_ties``)
    published: dt.date | None = None


def pool_features(candidates: list[Candidate], ctx: DocContext) -> dict[str, float]:
    """One feature vector for a pair from all the passages that pair it."""
    out: dict[str, float] = {}
    names = sorted({k for c in candidates for k in c.features})
    for name in names:
        values = [c.features.get(name, 0.0) for c in candidates]
        out[f"max:{name}"] = max(values)
        if name in _NEGATIVE:
            out[f"min:{name}"] = min(values)
    out["passages"] = math.log1p(len(candidates))
    out["selected_passages"] = math.log1p(sum(c.selected for c in candidates))
    ids = sorted(candidates[0].pair)
    counts = [ctx.place_counts.get(i, 0) for i in ids]
    out["side_mentions_min"] = math.log1p(min(counts))
    out["side_mentions_max"] = math.log1p(max(counts))
    tw_counts = {k: v for k, v in ctx.place_counts.items() if k.startswith("TW-")}
    top_tw = max(tw_counts.values(), default=0)
    out["tw_side_is_main"] = float(any(i.startswith("TW-") and tw_counts.get(i, 0) == top_tw for i in ids))
    out["doc_foreign_places"] = math.log1p(ctx.foreign_places)
    out[f"lang:{ctx.lang[:2]}"] = 1.0
    return out


class PairScorer:
    """A trained logistic model with its calibration, read from JSON."""

    def __init__(self, weights: dict[str, float], intercept: float, calibration: tuple[list[float], list[float]],
                 threshold: float, version: str, themes: ThemeScorer | None = None):
        self.themes = themes  # None: the keywords around the evidence decide
        self.weights = weights
        self.intercept = intercept
        self.cal_x, self.cal_y = calibration
        self.threshold = threshold
        self.version = version

    @classmethod
    def load(cls, path: Path) -> "PairScorer":
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(str(path), [f"pair scorer model cannot be read: {exc}"]) from None

    @classmethod
    def from_json(cls, raw: dict) -> "PairScorer":
        return cls(weights={str(k): float(v) for k, v in raw["weights"].items()},
                   intercept=float(raw["intercept"]),
                   calibration=([float(x) for x in raw["calibration"]["x"]],
                                [float(y) for y in raw["calibration"]["y"]]),
                   threshold=float(raw["threshold"]), version=str(raw.get("version", "")),
                   themes=ThemeScorer.from_json(raw["themes"]) if raw.get("themes") else None)

    def to_json(self) -> dict:
        return {"version": self.version, "threshold": self.threshold, "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items())),
                "calibration": {"x": self.cal_x, "y": self.cal_y},
                **({"themes": self.themes.to_json()} if self.themes else {})}

    def raw(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def calibrated(self, raw: float) -> float:
        return calibrate(raw, self.cal_x, self.cal_y)

    def probability(self, features: dict[str, float]) -> float:
        return self.calibrated(self.raw(features))

    def decide(self, candidates: Iterable[Candidate], ctx: DocContext) -> list[Mention]:
        """The mentions of every pair the model accepts, each carrying the
        pair's probability as its confidence. A pair the hand-written rules
        chose is kept below the threshold too, at its (low) probability, so
        that the review queue puts it first: it keeps recall the model alone
        loses (dropping those under 0.3 was measured this stop: dev F1 0.885
        -> 0.870, dev2 0.844 -> 0.809). A pair's events come from the passages
        the rules chose, else from its best passage. A government that only
        locates a unit it holds, in every passage, gives way to it; a pair
        whose every passage lists the partner on a third government's list of
        ties ("Long Beach's list of sister cities, including Yokkaichi"), or
        only as where a trip went beside another foreign place ('… since
        2017, the mayor said during a visit to Seoul'), is no pair (on the
        training texts all 12 such pairs were wrong; as features, too rare
        to learn)."""
        out: list[Mention] = []
        groups = group_by_pair(candidates)
        probability = {pair: round(self.probability(pool_features(group, ctx)), 3) for pair, group in groups.items()}
        accepted = {pair: group for pair, group in groups.items()
                    if probability[pair] >= self.threshold or any(c.selected for c in group)}
        for pair, group in accepted.items():
            a, b = group[0].mentions[0].a, group[0].mentions[0].b
            if _holds(a, b) or _holds(b, a):
                continue  # 'Kaohsiung Gushan District': a city and its own district are never partners
            if (frozenset((council_key(a), council_key(b))) in ctx.council_ties
                    and all(COUNCIL_WORD.search(c.mentions[0].evidence.text) for c in group)) \
                    or only_locates(pair, group, accepted) \
                    or (probability[pair] < self.threshold and holds_partner_of_unit(pair, group, accepted)) \
                    or all(c.features.get("elses_list") for c in group) \
                    or all(c.features.get("trip_only") and not c.selected for c in group):
                continue
            p = probability[pair]
            chosen = [c for c in group if c.selected]
            chosen = chosen or [max(group, key=lambda c: self.raw(pool_features([c], ctx)))]
            mentions = [m.model_copy(update={"confidence": p}) for c in chosen for m in c.mentions]
            # A passage with no word of its own for the event ('the agreement should be apolitical') tells of
            # the event the pair's other passages name ('approved the signing'): no record of its own.
            told = {m.event for c in chosen if c.features.get("event_cue") for m in c.mentions}
            if len(told) == 1 and len(chosen) > 1 and told & {Event.PROPOSED, Event.TERMINATED}:
                mentions = [m if m.event in told else m.model_copy(update={"event": next(iter(told))})
                            for m in mentions]
            mentions = dated_from_passages(mentions, [c for c in group if c not in chosen])
            mentions = [not_ahead(m, ctx.published) for m in mentions]
            if self.themes is not None:
                themes = self.pair_themes(group, ctx, groups)
                mentions = [m.model_copy(update={"themes": own_themes(m, themes) if background(m, mentions)
                                                 else themes}) for m in mentions]
            out.extend(mentions)
        return shared_signing(out) if self.themes is not None else out

    def pair_themes(self, group: list[Candidate], ctx: DocContext, groups: dict):
        """The themes of a pair's tie, weighed over every passage stating it;
        a pair only a table's rows state keeps those its rows name (the
        page's prose is about other partners: cross-validated theme F1
        0.748 -> 0.751, better in all four fold assignments)."""
        assert self.themes is not None
        themes = self.themes.choose([c.themes for c in group], ctx.theme_counts, ctx.sentences, ctx.lang,
                                    ctx.theme_framed, standing(group, ctx, groups))
        if group and all(c.features.get("table_row") for c in group):
            named = {t for c in group for m in c.mentions for t in hit_counts(m.evidence.text)}
            themes = tuple(t for t in themes if t.value in named)
        return themes


def dated_from_passages(mentions: list[Mention], others: list[Candidate]) -> list[Mention]:
    """An undated event takes its date from another passage that states the
    same event of the pair with a verb of its own ('Lu and the mayor of Radom
    signed the agreement on the 28th' under the headline that names both)."""
    if all(m.date for m in mentions):
        return mentions
    found: dict = {}
    for c in others:
        if not c.features.get("event_cue") or c.features.get("rival_selected"):
            continue  # (a passage where the rules paired a side with another tells of that other tie)
        for m in c.mentions:
            if m.date is not None:
                found.setdefault(m.event, []).append(m.date)
    out = []
    for m in mentions:
        dates = found.get(m.event)
        if m.date is None and dates:
            date = founding_choice(dates, lambda d: (d.value, d.precision)) if m.event is Event.ESTABLISHED else dates[0]
            m = m.model_copy(update={"date": date})
        out.append(m)
    return out


def not_ahead(mention: Mention, published: dt.date | None) -> Mention:
    """A tie made, renewed or ended is not dated by words that count from
    the day the text was published to a day after it: they come from a
    clause about what is to come ('…, and he will travel to Okayama next
    year'). (A year written out is kept: a page's date may be older than
    what it reports.)"""
    if published is None or mention.date is None or mention.event is Event.PROPOSED \
            or mention.date.value <= published or re.search(r"\d{4}", mention.date.text or "0000"):
        return mention
    if mention.date.precision is not DatePrecision.YEAR and _MONTH_NAME.search(mention.date.text or "") \
            and mention.date.value > published + dt.timedelta(days=31) \
            and (earlier := _year_before(mention.date.value)) <= published:
        # ('renewed … in March' in a January paper: last March, for a tie already renewed; a day within
        # the month ahead is one still to come, 'August 9 is the third anniversary', and dates nothing made)
        return mention.model_copy(update={"date": mention.date.model_copy(update={"value": earlier})})
    return mention.model_copy(update={"date": None})


_MONTH_NAME = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[0-9一二三四五六七八九十]\s*月")


def _year_before(value: dt.date) -> dt.date:
    return value.replace(year=value.year - 1, day=min(value.day, 28) if value.month == 2 else value.day)


def background(mention: Mention, siblings: list[Mention]) -> bool:
    """A founding the text recalls behind a later event of the same pair
    ('sister cities since 1995' in a story on this year's renewal, the
    founding an anniversary implies): on the labelled corpus the themes of
    the visit or the new agreement are listed for that later event, and the
    founding gets only those its own sentence names (a pair's records
    differed in themes in 24 of 39 pairs with several records)."""
    if mention.event is Event.ESTABLISHED and _founding_behind(mention, siblings):
        return True
    # Of a pair's records of different events, any dated before the latest is the older one ('signed in 2013,
    # renewed today' lists today's themes; cross-validated theme F1 0.745 -> 0.748).
    return mention.date is not None and any(m.event is not mention.event for m in siblings) \
        and mention.date.value < max(m.date.value for m in siblings if m.date)


def _founding_behind(mention: Mention, siblings: list[Mention]) -> bool:
    # Undated, it takes the founding year another passage gives the same tie.
    years = [m.date.value.year for m in siblings if m.date and m.event is mention.event
             and m.relation is mention.relation]
    year = mention.date.value.year if mention.date else min(years, default=None)
    others = [m for m in siblings if m is not mention]
    if year is None:
        return any(m.event is Event.RENEWED for m in others)
    return any(m.date is not None and m.date.value.year >= year + 2 for m in others)


def own_themes(mention: Mention, themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
    """Those of the pair's themes whose words stand in the mention's own evidence."""
    named = hit_counts(mention.evidence.text)
    return tuple(t for t in themes if t.value in named)


def standing(group: list[Candidate], ctx: DocContext, groups: dict) -> dict[str, float]:
    """``theme_scorer.pair_standing`` of one pair among a document's candidate pairs."""
    def counts(pair: frozenset[str]) -> list[int]:
        return [ctx.place_counts.get(i, 0) for i in pair]

    return pair_standing(counts(group[0].pair), [counts(p) for p in groups],
                         any(c.features.get("listed") for c in group))


def only_locates(pair: frozenset[str], group: list[Candidate], groups: dict) -> bool:
    """'台中市西屯區公所與美國霍博肯市簽署': Taichung only locates Xitun, the
    party; '鹿兒島縣東串良町': Kagoshima only locates the town. A side whose
    every passage also pairs a place it holds with the same partner, in a
    pair accepted itself (``groups``), is not a party itself, unless the
    rules chose it and not the held place ("Hsinchu County's sister city
    Santa Clara County with the mayor of Zhubei City")."""
    chosen = any(c.selected for c in group)
    for inner in groups:
        if inner == pair or len(inner & pair) != 1 or (chosen and not any(c.selected for c in groups[inner])):
            continue
        (mine,), (theirs,) = pair - inner, inner - pair
        if any(mine in c.alone for c in group):
            continue  # '高雄市と観光交流都市、高雄市鼓山区と…': also named on its own
        if _holds(_place(group, mine), _place(groups[inner], theirs)):
            where = {m.evidence.start for c in groups[inner] for m in c.mentions}
            if all(m.evidence.start in where for c in group for m in c.mentions):
                return True
    return False


def holds_partner_of_unit(pair: frozenset[str], group: list[Candidate], groups: dict) -> bool:
    """'新北姊妹市代表，包含加州鑽石吧市市長' beside '鑽石吧市…為三峽區的姊妹市': where
    the rules pair a partner with a district or town a side holds, the side
    itself is that tie's container, unless a passage states its own signing
    with the partner (the caller asks only of pairs the model itself would
    not accept)."""
    if any(c.features.get("event_cue") for c in group):
        return False
    for inner, others in groups.items():
        if inner == pair or len(inner & pair) != 1 or not any(c.selected for c in others):
            continue
        (mine,), (theirs,) = pair - inner, inner - pair
        if _holds(_place(group, mine), _place(others, theirs)) and not any(mine in c.alone for c in group):
            return True  # ('高雄市と観光交流都市、高雄市鼓山区と…': named on its own too, a party of its own)
    return False


def _place(group: list[Candidate], place_id: str):
    m = group[0].mentions[0]
    return m.a if m.a.id == place_id else m.b


def _holds(outer, inner) -> bool:
    if outer.country == "TW":
        return inner.id.startswith(outer.id + "-") and "-hist-" not in inner.id
    # A district of a metropolitan city is held by the city ('Yeonsu District of Incheon').
    division = outer.level.value in ("prefecture", "state", "province", "region") or (
        outer.level.value == "city" and inner.level.value in ("district", "county"))
    return (inner.country == outer.country and division
            and inner.admin1 is not None and inner.admin1 == outer.name)


def group_by_pair(candidates: Iterable[Candidate]) -> dict[frozenset[str], list[Candidate]]:
    groups: dict[frozenset[str], list[Candidate]] = {}
    for c in candidates:
        groups.setdefault(c.pair, []).append(c)
    return groups


def rule_mentions(candidates: Iterable[Candidate]) -> list[Mention]:
    """Without a trained model: what the hand-written rules chose."""
    return [m for c in candidates if c.selected for m in c.mentions]


def calibrate(score: float, xs: list[float], ys: list[float]) -> float:
    """The calibration curve, stored as points joined by straight lines:
    raw score to probability."""
    if not xs:
        return 1.0 / (1.0 + math.exp(-score))
    if score <= xs[0]:
        return ys[0]
    if score >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, score)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)


@cache
def load_scorer(path: str) -> PairScorer | None:
    """The scorer at ``path`` ('' for the packaged model); None when no model
    has been trained yet, so the rules decide alone."""
    model_path = Path(path) if path else DEFAULT_MODEL_PATH
    if not model_path.exists():
        if path:
            raise ConfigError("settings", [f"pair_scorer: no model file at {model_path}"])
        log.warning("no trained pair scorer at %s: the hand-written rules decide alone", model_path)
        return None
    return PairScorer.load(model_path)
