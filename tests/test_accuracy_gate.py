"""Accuracy gate: extraction on the labelled dev corpus may not fall below
the floors reached so far. Floors only go up."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extractors.corpus_io import extract_file
from extractors.evaluation import read_gold, read_predictions, score
from models.settings import load_settings

FLOORS = {"pair_f1": 0.91, "pair_p": 0.94, "pair_r": 0.89, "event_f1": 0.81, "relation_acc": 0.92,
          "date_acc": 0.85, "theme_f1": 0.70}
# An analyst auto-accepts above this confidence; it must stay near-certain.
AUTO_ACCEPT, AUTO_ACCEPT_PRECISION = 0.9, 0.97

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"labelled corpus not found at {CORPUS}")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    predictions = tmp_path_factory.mktemp("gate") / "predictions.jsonl"
    extract_file(load_settings(), CORPUS, predictions)
    return score(read_gold(CORPUS), read_predictions(predictions))


def test_dev_corpus_scores_stay_above_their_floors(scores):
    reached = {name: round(getattr(scores, name), 3) for name in FLOORS}
    assert all(reached[name] >= floor for name, floor in FLOORS.items()), reached


def test_high_confidence_means_correct(scores):
    [(_, n, precision)] = [row for row in scores.at_threshold if row[0] == AUTO_ACCEPT]
    assert n >= 10 and precision >= AUTO_ACCEPT_PRECISION, (n, precision)
