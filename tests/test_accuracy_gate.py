"""Accuracy gate: extraction on the labelled measuring corpora may not fall
below the floors reached so far.

A floor moved down once, by one pair on dev2 (F1 0.79 -> 0.78, recall 0.73 ->
0.71): splitting Japanese lists run into one line raised the figures
cross-validated on train.jsonl (pair F1 0.687 -> 0.704, Japanese 0.63 ->
0.77), and the retrained scorer's cut moved with it. train.jsonl is four
times dev2 and has the language mix of the texts citypairs is judged on, so
its cross-validated figures decide; these floors catch regressions. The
scorer's cut is now set on out-of-fold scores pooled over four fold
assignments instead of one, so it no longer jumps between 0.40 and 0.50 from
one retraining to the next.

The dev2 theme floor moved down once (0.61 -> 0.57): themes are now chosen
by a model learned from train.jsonl instead of every keyword near the
evidence, which raised theme F1 cross-validated on train.jsonl (0.64 ->
0.66) and on dev (0.70 -> 0.74) and cost dev2 two to four points (0.57-0.59 from one retraining to the next). In the same change,
dates gained two points cross-validated (0.745 -> 0.766: a date that
belongs to a term of office is no tie's date, an undated page's month and
day take the latest year it names, 'the agreement was signed on ...' dates
the tie before it) and the retrained pair scorer let one more pair through
on dev and on dev2 (pair precision 0.94 -> 0.93, 0.87 -> 0.86) and moved
one date on each: those floors moved down by that pair.

``dev.jsonl`` was seen while the first, rule-based extractor was built;
``dev2.jsonl`` was kept unseen until then, so its floors are the honest
ones. Neither is ever trained on (the pair scorer learns from train.jsonl).
"""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extractors.corpus_io import extract_file
from extractors.evaluation import read_gold, read_predictions, score
from models.settings import load_settings

FLOORS = {
    "dev.jsonl": {"pair_f1": 0.90, "pair_p": 0.92, "pair_r": 0.87, "event_f1": 0.81, "relation_acc": 0.94,
                  "date_acc": 0.80, "theme_f1": 0.73},
    "dev2.jsonl": {"pair_f1": 0.79, "pair_p": 0.85, "pair_r": 0.74, "event_f1": 0.67, "relation_acc": 0.86,
                   "date_acc": 0.54, "theme_f1": 0.57},
}
# An analyst auto-accepts above this confidence; it must stay near-certain.
AUTO_ACCEPT = 0.9
AUTO_ACCEPT_PRECISION = {"dev.jsonl": 0.93, "dev2.jsonl": 0.90}
AUTO_ACCEPT_MIN_PAIRS = {"dev.jsonl": 10, "dev2.jsonl": 5}

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"labelled corpus not found at {CORPUS}")


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus_scores(request, tmp_path_factory):
    path = CORPUS.parent / request.param
    predictions = tmp_path_factory.mktemp("gate") / "predictions.jsonl"
    extract_file(load_settings(), path, predictions)
    return request.param, score(read_gold(path), read_predictions(predictions))


def test_measuring_corpus_scores_stay_above_their_floors(corpus_scores):
    name, scores = corpus_scores
    reached = {key: round(getattr(scores, key), 3) for key in FLOORS[name]}
    assert all(reached[key] >= floor for key, floor in FLOORS[name].items()), (name, reached)


def test_high_confidence_means_correct(corpus_scores):
    name, scores = corpus_scores
    [(_, n, precision)] = [row for row in scores.at_threshold if row[0] == AUTO_ACCEPT]
    assert n >= AUTO_ACCEPT_MIN_PAIRS[name] and precision >= AUTO_ACCEPT_PRECISION[name], (name, n, precision)
