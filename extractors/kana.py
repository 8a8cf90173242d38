"""Katakana readings to Hepburn romaji, to look Japanese place names up by
the English (romanised) names the gazetteer has.

Sudachi gives each place name its reading (八代 -> ヤツシロ); GeoNames knows
the city as 'Yatsushiro' even where it lacks the kanji or lists them under an
older village. Long vowels are dropped the way English spellings drop them
(Kyōto, Kyoto), so both sides are compared through ``loose``.
"""

from __future__ import annotations

import re

_BASE = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so",
     "ta", "chi", "tsu", "te", "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho",
     "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "o", "n",
     "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo", "da", "ji", "zu", "de", "do",
     "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu"]))
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}


def to_katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def romaji(reading: str) -> str:
    """Hepburn romanisation of a kana reading ('ヤツシロ' -> 'yatsushiro')."""
    out: list[str] = []
    double = False
    for c in to_katakana(reading):
        if c == "ッ":
            double = True
            continue
        if c == "ー":
            continue  # a long vowel: English spellings drop it
        if c in _SMALL and out:
            prev = out.pop()
            # キャ -> kya, シャ -> sha, チャ -> cha, ジャ -> ja
            stem = prev[:-1] if prev.endswith("i") else prev
            small = _SMALL[c]
            if stem.endswith(("sh", "ch", "j")) and small.startswith("y"):
                small = small[1:]
            out.append(stem + small)
            continue
        syllable = _BASE.get(c)
        if syllable is None:
            return ""  # not a kana reading
        if double:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            double = False
        out.append(syllable)
    return "".join(out)


def loose(name: str) -> str:
    """A spelling with long vowels folded ('kyouto', 'Kyōto', 'Kyoto' -> 'kyoto')."""
    text = re.sub(r"[^a-z]", "", name.lower().translate(str.maketrans("āēīōūâêîôû", "aeiouaeiou")))
    return re.sub(r"ou|oo", "o", re.sub(r"uu", "u", text))
