"""Extraction on two worker processes gives what one process gives."""

from __future__ import annotations

import extractors.parallel as parallel
from models.records import DocumentInput
from models.settings import load_settings

TEXTS = [
    "Kaohsiung and Cebu City signed a sister city agreement on Friday.",
    "Taoyuan hopes to sign a sister city agreement with Jonava in Lithuania.",
    "Taiwan and Japan signed a memorandum of understanding on trade.",
    "高雄市與日本熊本市締結姊妹市。",
]


def test_two_workers_give_the_same_mentions_in_the_same_order(monkeypatch):
    settings = load_settings()
    inputs = [DocumentInput(key=str(i), text=t, lang="zh" if i == 3 else "en") for i, t in enumerate(TEXTS * 2)]
    one = list(parallel.extract_all(settings.spacy_model, str(settings.cache_dir), inputs, 8, processes=1))
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    two = list(parallel.extract_all(settings.spacy_model, str(settings.cache_dir), inputs, 8, processes=2))
    assert [r.key for r in two] == [str(i) for i in range(len(inputs))]
    assert two == one
    assert sum(len(r.mentions) for r in two) >= 4, "the pairs the texts state are found"
