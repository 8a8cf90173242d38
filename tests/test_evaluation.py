"""Scorer tests on small hand-made gold and predictions (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS

from extractors.evaluation import (
    GoldDocument,
    PairRecord,
    format_scores,
    read_gold,
    read_predictions,
    score,
)
from models.errors import ConfigError

DEV = CORPUS  # ../shared/corpus/dev.jsonl, found as conftest finds it


def rec(doc="d1", a="Alpha City", a_country="TW", b="Beta", b_country="JP", relation="sister",
        event="established", date="2001", themes=(), evidence="Alpha and Beta signed.", confidence=0.95):
    return PairRecord(doc=doc, a=a, a_country=a_country, b=b, b_country=b_country, relation=relation,
                      event=event, date=date, themes=frozenset(themes), evidence=evidence, confidence=confidence)


def gold_doc(doc_id, *records):
    return GoldDocument(id=doc_id, text="", published=None, lang="en", partnerships=tuple(records))


def preds(*records):
    out: dict[str, tuple[PairRecord, ...]] = {}
    for r in records:
        out[r.doc] = out.get(r.doc, ()) + (r,)
    return out


GOLD = [
    gold_doc("d1", rec(themes={"tourism", "sports"}), rec(b="Gamma Prefecture", relation="friendship", date="2010-05")),
    gold_doc("d2", rec(doc="d2", a="Delta County", b="Epsilon", b_country="US", date=None)),
]
ALL_GOLD = [r for d in GOLD for r in d.partnerships]


def test_perfect_prediction_scores_one_everywhere():
    s = score(GOLD, preds(*ALL_GOLD))
    for value in (s.pair_p, s.pair_r, s.pair_f1, s.event_p, s.event_r, s.event_f1,
                  s.relation_acc, s.date_acc, s.theme_f1):
        assert value == 1.0
    assert s.errors == []
    assert (s.gold_pairs, s.pred_pairs, s.matched_pairs, s.aligned) == (3, 3, 3, 3)


def test_missing_pair_lowers_recall_only():
    s = score(GOLD, preds(*ALL_GOLD[:2]))
    assert s.pair_p == 1.0
    assert s.pair_r == pytest.approx(2 / 3)
    assert s.pair_f1 == pytest.approx(0.8)
    assert [e.kind for e in s.errors] == ["fn"]


def test_extra_pair_lowers_precision_only():
    s = score(GOLD, preds(*ALL_GOLD, rec(b="Zeta", b_country="KR", evidence="Alpha met Zeta.")))
    assert s.pair_r == 1.0
    assert s.pair_p == pytest.approx(3 / 4)
    assert [e.kind for e in s.errors] == ["fp"]


def test_generic_words_fold_but_country_must_agree():
    gold = [gold_doc("d1", rec(a="Taichung City", b="Miyazaki Prefecture"))]
    same = score(gold, preds(rec(a="taichung", b="Miyazaki")))
    assert same.pair_f1 == 1.0
    other = score(gold, preds(rec(a="Taichung", b="Miyazaki", b_country="US")))
    assert other.pair_f1 == 0.0
    assert sorted(e.kind for e in other.errors) == ["fn", "fp"]


def test_accents_fold():
    gold = [gold_doc("d1", rec(b="Łódź", b_country="PL"))]
    assert score(gold, preds(rec(b="Lodz", b_country="PL"))).pair_f1 == 1.0


def test_reversed_sides_still_match():
    gold = [gold_doc("d1", rec())]
    flipped = rec(a="Beta", a_country="JP", b="Alpha", b_country="TW")
    assert score(gold, preds(flipped)).pair_f1 == 1.0


def test_document_must_be_the_same():
    gold = [gold_doc("d1", rec()), gold_doc("d2")]
    s = score(gold, preds(rec(doc="d2")))
    assert s.pair_f1 == 0.0


def test_non_taiwan_pairs_ignored_when_taiwan_only():
    foreign = rec(a="Prague", a_country="CZ", b="Beijing", b_country="CN")
    gold = [gold_doc("d1", rec(), foreign)]
    extra = rec(a="Vienna", a_country="AT", b="Prague", b_country="CZ")
    s = score(gold, preds(rec(), extra))
    assert (s.pair_p, s.pair_r, s.gold_pairs, s.pred_pairs) == (1.0, 1.0, 1, 1)
    full = score(gold, preds(rec(), extra), taiwan_only=False)
    assert (full.pair_p, full.pair_r) == (0.5, 0.5)


def test_duplicate_predictions_count_once():
    s = score(GOLD, preds(*ALL_GOLD, ALL_GOLD[0], rec(a="Alpha", date="1999")))
    assert (s.pair_p, s.pair_r, s.pred_pairs) == (1.0, 1.0, 3)
    assert s.event_f1 == 1.0


def test_same_pair_twice_in_gold_counts_once_for_pairs():
    gold = [gold_doc("d1", rec(date="1961"), rec(event="renewed", date="2021"))]
    s = score(gold, preds(rec(date="1961")))
    assert (s.pair_p, s.pair_r, s.gold_pairs) == (1.0, 1.0, 1)
    assert (s.gold_events, s.matched_events) == (2, 1)
    assert s.event_r == 0.5
    assert s.date_acc == 1.0  # the lone prediction aligns with the gold item of its own event
    assert [e.kind for e in s.errors] == ["wrong_event"]


def test_relation_and_date_accuracy_on_matched_pairs():
    gold = [gold_doc("d1", rec(), rec(b="Gamma", date=None), rec(b="Eta", relation="mou", date="2020-01-02"))]
    p = preds(
        rec(relation="friendship"),  # wrong relation, right date
        rec(b="Gamma", date="2019"),  # right relation, wrong date (None in gold)
        rec(b="Eta", relation="mou", date="2020-01-02"),  # all right
        rec(b="Theta"),  # unmatched: not in the accuracies
    )
    s = score(gold, p)
    assert s.aligned == 3
    assert s.relation_acc == pytest.approx(2 / 3)
    assert s.date_acc == pytest.approx(2 / 3)
    kinds = sorted(e.kind for e in s.errors)
    assert kinds == ["fp", "wrong_date", "wrong_relation"]


def test_alignment_by_event_then_order():
    gold = [gold_doc("d1", rec(event="established", date="1961"), rec(event="renewed", date="2021"))]
    # Events listed in the opposite order still align by event.
    s = score(gold, preds(rec(event="renewed", date="2021"), rec(event="established", date="1961")))
    assert s.date_acc == 1.0
    # A prediction with a wrong event is compared with the leftover gold item.
    s = score(gold, preds(rec(event="established", date="1961"), rec(event="proposed", date="2021")))
    assert (s.aligned, s.date_acc, s.event_f1) == (2, 1.0, 0.5)


def test_theme_micro_f1_hand_computed():
    gold = [gold_doc("d1", rec(themes={"tourism", "sports", "health"}), rec(b="Gamma", themes={"culture_arts"}))]
    p = preds(rec(themes={"tourism", "sports", "economy_trade"}), rec(b="Gamma", themes=()))
    # tp = 2, fp = 1 (economy_trade), fn = 2 (health, culture_arts): P 2/3, R 2/4.
    s = score(gold, p)
    assert s.theme_f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_confidence_buckets_and_thresholds():
    gold = [gold_doc("d1", rec(), rec(b="Gamma"))]
    p = preds(
        rec(confidence=0.95),  # right
        rec(confidence=0.3),  # duplicate of the same key: its best confidence (0.95) counts
        rec(b="Gamma", confidence=0.55),  # right
        rec(b="Theta", confidence=0.5),  # wrong
        rec(b="Iota", confidence=1.0),  # wrong, top bucket is closed
        rec(b="Kappa", confidence=0.0),  # wrong
    )
    s = score(gold, p)
    table = {round(lo, 1): (n, prec) for lo, _hi, n, prec in s.by_confidence}
    assert len(s.by_confidence) == 10
    assert table[0.0] == (1, 0.0)
    assert table[0.5] == (2, 0.5)
    assert table[0.9] == (2, 0.5)
    assert table[0.3] == (0, None)
    thresholds = {t: (n, prec) for t, n, prec in s.at_threshold}
    assert thresholds[0.5] == (4, 0.5)
    assert thresholds[0.6] == (2, 0.5)
    text = format_scores(s)
    assert "confidence" in text and ">= 0.9" in text


def test_errors_list_fp_and_fn_with_evidence():
    gold = [gold_doc("d1", rec(evidence="Alpha and Beta became sister cities."))]
    s = score(gold, preds(rec(b="Omega", evidence="Alpha welcomed Omega.")))
    by_kind = {e.kind: e for e in s.errors}
    assert by_kind["fn"].evidence == "Alpha and Beta became sister cities."
    assert by_kind["fp"].evidence == "Alpha welcomed Omega."
    assert by_kind["fn"].doc == "d1" and "Beta" in by_kind["fn"].pair
    text = format_scores(s, errors=True)
    assert "Alpha welcomed Omega." in text and "Alpha and Beta became sister cities." in text
    assert "welcomed" not in format_scores(s)


def _line(**overrides):
    item = {"a": "Alpha", "a_country": "TW", "a_level": "county", "b": "Beta", "b_country": "JP",
            "b_level": "city", "relation": "sister", "event": "established", "date": "2001",
            "themes": ["tourism"], "evidence": "Alpha and Beta signed.", "confidence": 0.9}
    item.update(overrides)
    return {"id": "d1", "partnerships": [item]}


def test_read_predictions_roundtrip(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(_line()) + "\n\n" + json.dumps({"id": "d2", "partnerships": []}) + "\n")
    got = read_predictions(path)
    assert set(got) == {"d1", "d2"} and got["d2"] == ()
    assert got["d1"][0].themes == frozenset({"tourism"}) and got["d1"][0].taiwan


def test_malformed_prediction_line_names_line_and_field(tmp_path):
    bad = _line()
    del bad["partnerships"][0]["event"]
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(_line()).replace('"d1"', '"d0"') + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(ConfigError) as exc:
        read_predictions(path)
    assert exc.value.where == f"{path}:2"
    assert any("event" in p and "missing" in p for p in exc.value.problems)

    path.write_text(json.dumps(_line()) + "\n{not json\n")
    with pytest.raises(ConfigError) as exc:
        read_predictions(path)
    assert exc.value.where == f"{path}:2" and "bad JSON" in exc.value.problems[0]

    path.write_text(json.dumps(_line(confidence=None, relation="twin")) + "\n")
    with pytest.raises(ConfigError) as exc:
        read_predictions(path)
    assert exc.value.where == f"{path}:1"
    assert any(p.startswith("partnerships[0].confidence") for p in exc.value.problems)
    assert any(p.startswith("partnerships[0].relation") for p in exc.value.problems)


def test_dev_corpus_scored_against_itself():
    if not DEV.exists():
        pytest.skip("labelled corpus not present")
    gold = read_gold(DEV)
    assert gold and all(isinstance(d, GoldDocument) for d in gold)
    predicted = {d.id: d.partnerships for d in gold}
    for taiwan_only in (True, False):
        s = score(gold, predicted, taiwan_only=taiwan_only)
        for value in (s.pair_p, s.pair_r, s.pair_f1, s.event_p, s.event_r, s.event_f1,
                      s.relation_acc, s.date_acc, s.theme_f1):
            assert value == 1.0
        assert s.errors == []
        assert s.gold_pairs > 0
