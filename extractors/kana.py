"""Katakana readings to Hepburn romaji, to look Japanese place names up by
the English (romanised) names the gazetteer has.

Sudachi gives each place name its reading (八代 -> ヤツシロ); GeoNames knows
the city as 'Yatsushiro' even where it lacks the kanji or lists them under an
older village. Long vowels are dropped the way English spellings drop them
(Kyōto, Kyoto), so both sides are compared through ``loose``.
"""

from __future__ import annotations

import re
from functools import cache

from models.records import Level

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


def written_name(reading: str) -> str:
    """A reading as English writes the name: a long o folded ('kikuyou' ->
    'Kikuyo', 'ooita' -> 'Oita'), a long u only after y, sh, ch or j
    ('kyuushuu' -> 'Kyushu'), as elsewhere 'uu' is two syllables
    ('Nachikatsuura')."""
    text = re.sub(r"ou|oo", "o", reading.lower())
    return re.sub(r"(?<=[yhj])uu", "u", text).capitalize()


@cache
def _sudachi():
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


@cache
def name_reading(kanji: str) -> str | None:
    """The romanised reading of a Japanese proper name written in kanji
    (南越前 -> 'minamiechizen'), for a Chinese page that writes a Japanese
    town GeoNames lacks: the dictionary's reading of a name it files as a
    proper noun, else nothing."""
    morphemes = list(_sudachi().tokenize(kanji.translate(_shinjitai())))  # ('高千穗' as Japan writes it: 高千穂)
    if not morphemes or any(m.part_of_speech()[1] != "固有名詞" for m in morphemes):
        return None
    return romaji("".join(m.reading_form() for m in morphemes)) or None


# Parts of speech that never begin a town's name: 'のある町' is 'a certain
# town', 'この町' 'this town' (a kana name, えりも, むかわ, begins with a noun).
_NOT_NAME_START = ("動詞", "連体詞", "形状詞", "助動詞", "助詞", "形容詞", "副詞", "接続詞")


@cache
def kana_word(stem: str) -> bool:
    """Whether a town's stem written in kana is ordinary Japanese rather
    than a name: its first word is a verb, an adnominal, a particle..."""
    morphemes = list(_sudachi().tokenize(stem))
    return bool(morphemes) and morphemes[0].part_of_speech()[0] in _NOT_NAME_START


_SUFFIX_READINGS = {"町": ("machi", "cho"), "村": ("mura", "son"), "市": ("shi",)}


def town_reading(name: str) -> str | None:
    """The reading of a town's name without its suffix: the stem's own
    ('南越前'), else the whole name's less the suffix's (小国 alone is a
    common word, '小国町' the town Oguni-machi)."""
    if reading := name_reading(name[:-1]):
        return reading
    whole = name_reading(name) or ""
    tail = next((t for t in _SUFFIX_READINGS.get(name[-1:], ()) if whole.endswith(t) and len(whole) > len(t) + 1), None)
    return whole[:-len(tail)] if tail else None


@cache
def _shinjitai() -> dict[int, str]:
    """Traditional characters to the forms Japan writes, which its dictionary reads."""
    from extractors.gazetteer.names import _opencc_pairs

    return {ord(t): s for s, trad in _opencc_pairs("JPShinjitaiCharacters.txt").items() for t in trad if t != s}


def place_by_reading(world, reading: str, level, prefecture: str | None):
    """The Japanese place GeoNames files under a romanised reading: its own
    name, or the name with 'cho', 'machi' or 'mura'; inside the prefecture
    written before it, where one is; at the level the kanji's suffix says."""
    key = loose(reading)
    found = [p for p in world.lookup(reading.capitalize(), "JP")
             if p.country == "JP" and loose(p.name) in (key, key + "cho", key + "machi", key + "mura")]
    if prefecture:
        # (none there: a town GeoNames lacks, not a namesake in another prefecture: '鹿兒島縣大和村')
        found = [p for p in found if p.admin1 == prefecture or p.name == prefecture]
    if level is Level.PREFECTURE:
        found = [p for p in found if p.level is not Level.CITY] or found
    elif level is Level.CITY:
        found = [p for p in found if p.level is Level.CITY] or found
    # The romanised name itself before an older unit's ('Yasugi' before 'Yasugichō').
    found.sort(key=lambda p: loose(p.name) != key)
    return found[0] if found else None
