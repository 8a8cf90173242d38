"""Scoring of predicted partnerships against the labelled corpus (``citypairs eval``).

Matching rules (after ``shared/corpus/README.md``, section *Scoring*):

* A **pair key** is ``(doc, {(fold_core(a), A), (fold_core(b), B)})``: the
  document id plus the unordered pair of sides, each a name folded for case,
  accents, punctuation and generic words ('Miyazaki Prefecture' == 'Miyazaki',
  'Łódź' == 'Lodz') with its upper-cased ISO country. Countries must agree;
  a/b order does not matter; no other variant folding is done. Levels are
  not compared (the README's match rule names only names and countries).
* **Pair P/R/F1** are over the *sets* of distinct pair keys: a pair stated
  twice in a document (established 1961, renewed 2021) counts once, and so do
  duplicate predictions. **(pair, event) F1** is over distinct
  ``(pair key, event)`` keys. With ``taiwan_only`` (the headline figures),
  items with no ``TW`` side are dropped from gold and predictions alike.
* **Alignment** for the attribute figures: within each matched pair key, gold
  and predicted items are aligned greedily in gold order, first to a
  predicted item with the *same event* (preferring, among several, one that
  also agrees on relation, then date, then themes, then the earliest), then
  the leftovers of both sides are paired in their remaining order. Items left
  over on either side are not compared. On each aligned couple: **relation
  accuracy** (equal relation), **date accuracy** (equal date string, None ==
  None; a gold ``date_range`` is not used) and **theme micro-F1** (themes
  counted over all couples). An accuracy is None when nothing was aligned.
* Empty sides: P, R and F1 are 1.0 when gold and predictions are both empty,
  otherwise a zero denominator gives 0.0.
* **Confidence table**: each distinct predicted pair key (scored set, so
  Taiwan pairs under ``taiwan_only``) at its highest confidence, bucketed
  [0,0.1), [0.1,0.2) ... [0.9,1.0]; precision = share whose key is in gold.
  Also precision at confidence >= 0.5, 0.6, 0.7, 0.8, 0.9.
* Predictions for documents absent from gold are ignored (counted in
  ``unknown_docs``); a gold document with no prediction line predicts nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors.gazetteer.names import fold_core
from models.errors import ConfigError
from models.records import Event, Level, Relation, Theme

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_RELATIONS = {r.value for r in Relation}
_EVENTS = {e.value for e in Event}
_THEMES = {t.value for t in Theme}
_LEVELS = {lv.value for lv in Level}
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, slots=True)
class PairRecord:
    doc: str
    a: str
    a_country: str
    b: str
    b_country: str
    relation: str
    event: str
    date: str | None
    themes: frozenset[str]
    evidence: str
    confidence: float = 1.0

    @property
    def taiwan(self) -> bool:
        return "TW" in (self.a_country, self.b_country)

    def pair_key(self) -> tuple:
        sides = sorted([(fold_core(self.a), self.a_country), (fold_core(self.b), self.b_country)])
        return (self.doc, tuple(sides))

    def label(self) -> str:
        return f"{self.a} ({self.a_country}) - {self.b} ({self.b_country})"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    published: dt.date | None
    lang: str
    partnerships: tuple[PairRecord, ...]


@dataclass(frozen=True, slots=True)
class ErrorItem:
    kind: str  # 'fp' | 'fn' | 'wrong_event' | 'wrong_relation' | 'wrong_date'
    doc: str
    pair: str
    evidence: str
    detail: str = ""


@dataclass(frozen=True)
class Scores:
    pair_p: float
    pair_r: float
    pair_f1: float
    event_p: float
    event_r: float
    event_f1: float
    relation_acc: float | None  # None: nothing aligned
    date_acc: float | None
    theme_f1: float | None
    gold_pairs: int = 0
    pred_pairs: int = 0
    matched_pairs: int = 0
    gold_events: int = 0
    pred_events: int = 0
    matched_events: int = 0
    aligned: int = 0  # gold/predicted couples compared for relation, date, themes
    unknown_docs: int = 0
    by_confidence: list[tuple[float, float, int, float | None]] = field(default_factory=list)  # (low, high, n, P)
    at_threshold: list[tuple[float, int, float | None]] = field(default_factory=list)  # (threshold, n, P)
    errors: list[ErrorItem] = field(default_factory=list)


# ---------------------------------------------------------------- reading

def _str(d: dict, key: str, where: str, problems: list[str], *, nullable: bool = False) -> str | None:
    if key not in d:
        problems.append(f"{where}{key}: missing")
        return None
    value = d[key]
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}{key}: expected a non-empty string, got {value!r}")
        return None
    return value.strip()


def _record(doc: str, raw: object, where: str, problems: list[str], *, gold: bool) -> PairRecord | None:
    if not isinstance(raw, dict):
        problems.append(f"{where[:-1]}: expected an object")
        return None
    before = len(problems)
    s = {k: _str(raw, k, where, problems) for k in ("a", "a_country", "b", "b_country", "a_level", "b_level", "relation", "event", "evidence")}
    for key, allowed in (("relation", _RELATIONS), ("event", _EVENTS), ("a_level", _LEVELS), ("b_level", _LEVELS)):
        if s[key] is not None and s[key] not in allowed:
            problems.append(f"{where}{key}: unknown value {s[key]!r}")
    date = _str(raw, "date", where, problems, nullable=True)
    if date is not None and not _DATE.match(date):
        problems.append(f"{where}date: expected YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
    themes = raw.get("themes")
    if "themes" not in raw:
        problems.append(f"{where}themes: missing")
    elif not isinstance(themes, list) or any(t not in _THEMES for t in themes):
        problems.append(f"{where}themes: expected a list of known themes, got {themes!r}")
    confidence = raw.get("confidence", 1.0 if gold else None)
    if confidence is None and "confidence" not in raw:
        problems.append(f"{where}confidence: missing")
    elif isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0.0 <= confidence <= 1.0:
        problems.append(f"{where}confidence: expected a number in [0, 1], got {confidence!r}")
    if len(problems) > before:
        return None
    return PairRecord(doc=doc, a=s["a"], a_country=s["a_country"].upper(), b=s["b"], b_country=s["b_country"].upper(),
                      relation=s["relation"], event=s["event"], date=date, themes=frozenset(themes),
                      evidence=s["evidence"], confidence=float(confidence))


def _lines(path: str | Path, *, gold: bool):
    """Yield (lineno, doc id, parsed object, records); raise ConfigError per bad line."""
    seen: set[str] = set()
    if not Path(path).is_file():
        raise ConfigError(str(path), ["no such file"])
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where, problems = f"{path}:{lineno}", []
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(where, [f"bad JSON: {exc.msg} (column {exc.colno})"]) from None
            if not isinstance(obj, dict):
                raise ConfigError(where, ["expected a JSON object"])
            doc = _str(obj, "id", "", problems)
            if doc is not None and doc in seen:
                problems.append(f"id: duplicate {doc!r}")
            items = obj.get("partnerships")
            if not isinstance(items, list):
                problems.append("partnerships: missing" if "partnerships" not in obj else "partnerships: expected a list")
                items = []
            records = [_record(doc or "", raw, f"partnerships[{i}].", problems, gold=gold) for i, raw in enumerate(items)]
            if problems:
                raise ConfigError(where, problems)
            seen.add(doc)
            yield lineno, doc, obj, tuple(records)


def read_gold(path: str | Path) -> list[GoldDocument]:
    docs = []
    for lineno, doc, obj, records in _lines(path, gold=True):
        try:
            published = dt.date.fromisoformat(obj["published"]) if obj.get("published") else None
        except (TypeError, ValueError):
            raise ConfigError(f"{path}:{lineno}", [f"published: not an ISO date: {obj['published']!r}"]) from None
        docs.append(GoldDocument(id=doc, text=str(obj.get("text") or ""), published=published,
                                 lang=str(obj.get("lang") or "en"), partnerships=records))
    return docs


def record_from_json(doc: str, raw: dict) -> PairRecord:
    """One predicted partnership (an ``extract-jsonl`` item) as a record."""
    problems: list[str] = []
    record = _record(doc, raw, "", problems, gold=False)
    if record is None:
        raise ConfigError(doc, problems)
    return record


def read_predictions(path: str | Path) -> dict[str, tuple[PairRecord, ...]]:
    return {doc: records for _, doc, _, records in _lines(path, gold=False)}


# ---------------------------------------------------------------- scoring

def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _align(golds: list[PairRecord], preds: list[PairRecord]) -> list[tuple[PairRecord, PairRecord]]:
    """Couples of one pair key: same event first (best agreeing, else earliest), then leftovers in order."""
    couples, left, lone = [], list(preds), []
    for g in golds:
        same = [p for p in left if p.event == g.event]
        if not same:
            lone.append(g)
            continue
        best = max(same, key=lambda p: (p.relation == g.relation, p.date == g.date, p.themes == g.themes))
        left.remove(best)  # max() keeps the earliest of equals
        couples.append((g, best))
    return couples + list(zip(lone, left))


def _bucket(confidence: float) -> int:
    return min(9, math.floor(round(confidence * 10, 9)))


def score(gold: list[GoldDocument], predicted: dict[str, tuple[PairRecord, ...]], *, taiwan_only: bool = True) -> Scores:
    keep = (lambda r: r.taiwan) if taiwan_only else (lambda r: True)
    gold_ids = {d.id for d in gold}
    g_items: dict[tuple, list[PairRecord]] = defaultdict(list)
    p_items: dict[tuple, list[PairRecord]] = defaultdict(list)
    for d in gold:
        for r in d.partnerships:
            if keep(r):
                g_items[r.pair_key()].append(r)
        for r in predicted.get(d.id, ()):
            if keep(r):
                p_items[r.pair_key()].append(r)
    g_keys, p_keys = set(g_items), set(p_items)
    matched = g_keys & p_keys
    g_ev = {(k, r.event) for k, rs in g_items.items() for r in rs}
    p_ev = {(k, r.event) for k, rs in p_items.items() for r in rs}
    pair_p, pair_r, pair_f1 = _prf(len(matched), len(p_keys), len(g_keys))
    ev_p, ev_r, ev_f1 = _prf(len(g_ev & p_ev), len(p_ev), len(g_ev))

    def err(kind: str, r: PairRecord, detail: str = "") -> None:
        errors.append(ErrorItem(kind, r.doc, r.label(), r.evidence, detail))

    errors: list[ErrorItem] = []
    for k in sorted(p_keys - g_keys):
        err("fp", p_items[k][0])
    for k in sorted(g_keys - p_keys):
        err("fn", g_items[k][0])
    rel_ok = date_ok = n_aligned = th_tp = th_fp = th_fn = 0
    for k in sorted(matched):
        golds, preds = g_items[k], p_items[k]
        g_events, p_events = {r.event for r in golds}, {r.event for r in preds}
        for ev in sorted(g_events - p_events):
            err("wrong_event", next(r for r in golds if r.event == ev), f"gold {ev} not predicted")
        for ev in sorted(p_events - g_events):
            err("wrong_event", next(r for r in preds if r.event == ev), f"predicted {ev} not in gold")
        for g, p in _align(golds, preds):
            n_aligned += 1
            rel_ok += g.relation == p.relation
            date_ok += g.date == p.date
            th_tp += len(g.themes & p.themes)
            th_fp += len(p.themes - g.themes)
            th_fn += len(g.themes - p.themes)
            if g.relation != p.relation:
                err("wrong_relation", g, f"{g.event}: gold {g.relation}, predicted {p.relation}")
            if g.date != p.date:
                err("wrong_date", g, f"{g.event}: gold {g.date}, predicted {p.date}")

    best_conf = {k: max(r.confidence for r in rs) for k, rs in p_items.items()}
    buckets = [[0, 0] for _ in range(10)]
    for k, c in best_conf.items():
        buckets[_bucket(c)][0] += 1
        buckets[_bucket(c)][1] += k in g_keys
    by_conf = [(i / 10, (i + 1) / 10, n, (hit / n if n else None)) for i, (n, hit) in enumerate(buckets)]
    at_thr = []
    for t in THRESHOLDS:
        above = [k in g_keys for k, c in best_conf.items() if c >= t]
        at_thr.append((t, len(above), sum(above) / len(above) if above else None))

    return Scores(
        pair_p=pair_p, pair_r=pair_r, pair_f1=pair_f1, event_p=ev_p, event_r=ev_r, event_f1=ev_f1,
        relation_acc=rel_ok / n_aligned if n_aligned else None,
        date_acc=date_ok / n_aligned if n_aligned else None,
        theme_f1=_prf(th_tp, th_tp + th_fp, th_tp + th_fn)[2] if n_aligned else None,
        gold_pairs=len(g_keys), pred_pairs=len(p_keys), matched_pairs=len(matched),
        gold_events=len(g_ev), pred_events=len(p_ev), matched_events=len(g_ev & p_ev),
        aligned=n_aligned, unknown_docs=len(set(predicted) - gold_ids),
        by_confidence=by_conf, at_threshold=at_thr, errors=errors,
    )


# ---------------------------------------------------------------- report

def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_scores(scores: Scores, *, errors: bool = False) -> str:
    s = scores
    lines = [
        f"pairs         P {_f(s.pair_p)}  R {_f(s.pair_r)}  F1 {_f(s.pair_f1)}"
        f"   (gold {s.gold_pairs}, predicted {s.pred_pairs}, matched {s.matched_pairs})",
        f"pair+event    P {_f(s.event_p)}  R {_f(s.event_r)}  F1 {_f(s.event_f1)}"
        f"   (gold {s.gold_events}, predicted {s.pred_events}, matched {s.matched_events})",
        f"on matched    relation {_f(s.relation_acc)}  date {_f(s.date_acc)}  themes F1 {_f(s.theme_f1)}"
        f"   ({s.aligned} aligned)",
    ]
    if s.unknown_docs:
        lines.append(f"ignored predictions for {s.unknown_docs} document(s) not in gold")
    lines += ["", "confidence      n  precision"]
    lines += [f"[{lo:.1f}, {hi:.1f}{']' if hi >= 1 else ')'}  {n:4d}  {_f(p)}" for lo, hi, n, p in s.by_confidence]
    lines += [f">= {t:.1f}       {n:4d}  {_f(p)}" for t, n, p in s.at_threshold]
    if errors and s.errors:
        lines += ["", f"errors ({len(s.errors)})"]
        for e in s.errors:
            detail = f" [{e.detail}]" if e.detail else ""
            lines.append(f"{e.kind.upper():15s} {e.doc}: {e.pair}{detail}")
            lines.append(f"    {e.evidence}")
    return "\n".join(lines)
