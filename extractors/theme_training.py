"""Training the theme model (``extractors/theme_scorer.py``) beside the pair
scorer: one row per (true pair, theme the document mentions), labelled by
whether the corpus lists that theme for that pair. Only pairs the corpus
confirms are rows, as theme F1 is measured on matched pairs only. The cut
is the one with the best out-of-fold theme F1, folds split by source as
for the pair scorer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.corpus_io import mention_to_json
from extractors.evaluation import record_from_json
from extractors.pair_scorer import group_by_pair, standing
from extractors.theme_scorer import ThemeScorer, candidate_themes, theme_features

if TYPE_CHECKING:
    from extractors.training import CorpusDoc

# Inverse L2 strength, chosen by grouped cross-validation on train.jsonl (mean of four fold
# assignments, stop 31's features: 0.5: theme F1 0.741, 1: 0.742, 2: 0.739, 4: 0.733).
C = 1.0


@dataclass(slots=True)
class ThemeRow:
    doc: int
    features: dict[str, float]
    label: int


@dataclass(slots=True)
class ThemeRows:
    rows: list[ThemeRow]
    gold: dict[int, int]  # document -> themes the corpus lists for its candidate-reached pairs


def theme_rows(docs: list["CorpusDoc"], gaz) -> ThemeRows:
    rows: list[ThemeRow] = []
    gold_count: dict[int, int] = defaultdict(int)
    for i, doc in enumerate(docs):
        gold: dict[tuple, set[str]] = defaultdict(set)
        for p in doc.gold.partnerships:
            gold[p.pair_key()] |= set(p.themes)
        ctx = doc.ctx
        groups = group_by_pair(doc.candidates)
        for group in groups.values():
            key = record_from_json(doc.gold.id, mention_to_json(group[0].mentions[0], gaz)).pair_key()
            if key not in gold:
                continue
            wanted = gold.pop(key)
            gold_count[i] += len(wanted)
            cues = [c.themes for c in group]
            st = standing(group, ctx, groups)
            for theme in candidate_themes(cues, ctx.theme_framed, st):
                rows.append(ThemeRow(i, theme_features(theme, cues, ctx.theme_counts, ctx.sentences, ctx.lang,
                                                       ctx.theme_framed, st),
                                         int(theme in wanted)))
    return ThemeRows(rows, dict(gold_count))


def feature_matrix(rows, names: list[str]):
    """Rows' feature dicts as a dense matrix over ``names`` (others ignored)."""
    import numpy as np

    index = {n: j for j, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.features.items():
            if k in index:
                X[i, index[k]] = v
    return X


def _fit(rows: list[ThemeRow], names: list[str], c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(feature_matrix(rows, names), [r.label for r in rows])


def fit_themes(data: ThemeRows, assignments: list[list[int]], *, c: float = C,
               include: set[int] | None = None) -> ThemeScorer:
    """Weights from the rows of the documents in ``include`` (all by
    default); the cut from out-of-fold probabilities over every fold
    assignment given."""
    rows = [r for r in data.rows if include is None or r.doc in include]
    names = sorted({k for r in rows for k in r.features})
    scored: list[tuple[float, int]] = []
    positives = 0
    for doc_folds in assignments:
        positives += sum(n for d, n in data.gold.items() if doc_folds[d] >= 0 and (include is None or d in include))
        for f in sorted({doc_folds[r.doc] for r in rows} - {-1}):
            train = [r for r in rows if doc_folds[r.doc] not in (f, -1)]
            test = [r for r in rows if doc_folds[r.doc] == f]
            if not test or len({r.label for r in train}) < 2:
                continue
            model = _fit(train, names, c)
            scored.extend(zip(model.predict_proba(feature_matrix(test, names))[:, 1], (r.label for r in test)))
    model = _fit(rows, names, c)
    weights = {n: round(float(w), 6) for n, w in zip(names, model.coef_[0]) if abs(w) > 1e-9}
    return ThemeScorer(weights, round(float(model.intercept_[0]), 6), _best_cut(scored, positives))


def _best_cut(scored: list[tuple[float, int]], positives: int) -> float:
    def f1(cut: float) -> float:
        tp = sum(1 for p, y in scored if p >= cut and y)
        pred = sum(1 for p, _ in scored if p >= cut)
        return 2 * tp / (pred + positives) if pred + positives else 0.0

    if not scored:
        return 0.5
    # The F1 curve is flat over a wide range of cuts: take the lowest one
    # within a point of the best, so that a theme the text supports is
    # rather kept (a researcher filtering by theme misses what is dropped).
    # Averaged with the neighbouring cuts, as the pair scorer's: a single
    # point of the curve moved the cut from 0.25 to 0.35 on a change that
    # added four theme-less pairs.
    cuts = [x / 100 for x in range(20, 71, 5)]
    raw = {cut: f1(cut) for cut in [0.15, *cuts, 0.75]}
    f1s = {cut: (raw[round(cut - 0.05, 2)] + raw[cut] + raw[round(cut + 0.05, 2)]) / 3 for cut in cuts}
    return min(cut for cut in cuts if f1s[cut] >= max(f1s.values()) - 0.01)
