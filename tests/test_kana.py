"""Romanising Sudachi's readings to meet the gazetteer's English names."""

from __future__ import annotations

import pytest

from extractors.kana import loose, romaji


@pytest.mark.parametrize(("reading", "expected"), [
    ("ヤツシロ", "yatsushiro"), ("キョウト", "kyouto"), ("ホッカイドウ", "hokkaidou"), ("チャタン", "chatan"),
    ("シュウナン", "shuunan"), ("えりも", "erimo"), ("ジョウエツ", "jouetsu"), ("カッパ", "kappa"),
])
def test_hepburn(reading, expected):
    assert romaji(reading) == expected


def test_long_vowels_fold_like_english_spellings():
    assert loose("kyouto") == loose("Kyōto") == loose("Kyoto") == "kyoto"
    assert loose(romaji("ホッカイドウ")) == loose("Hokkaido")


def test_not_a_reading():
    assert romaji("Tokyo") == ""
