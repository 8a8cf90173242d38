"""Accuracy gate: extraction on the labelled dev corpus may not fall below
the floors reached so far. Floors only go up."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extractors.corpus_io import extract_file
from extractors.evaluation import read_gold, read_predictions, score
from models.settings import load_settings

FLOORS = {"pair_f1": 0.87, "event_f1": 0.79}

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"labelled corpus not found at {CORPUS}")


def test_dev_corpus_scores_stay_above_their_floors(tmp_path):
    predictions = tmp_path / "predictions.jsonl"
    extract_file(load_settings(), CORPUS, predictions)
    scores = score(read_gold(CORPUS), read_predictions(predictions))
    reached = {name: round(getattr(scores, name), 3) for name in FLOORS}
    assert all(reached[name] >= floor for name, floor in FLOORS.items()), reached
