"""Foreign names written in Chinese characters by sound ('富頓縣' for Fulton
County, '瑞奇蘭郡' for Richland County, '史坦堡縣' for Starnberg), matched
to the places of the state or region the text names before them.

No table lists every transliteration, and there are many for one name. Both
the Mandarin reading (pypinyin) and the English name are reduced to a
skeleton of consonant classes, the way transliterators hear them: voiced and
voiceless alike (d/t), every hissing sound one class (s, sh, ch, j, z, x,
q), l and r one class, vowels and glides dropped, and an English r after a
vowel silent ('Starnberg' -> s t n b g, read 史坦堡 shi-tan-bao). Among the
places of one division, the one whose skeleton is nearest wins, if it is
near enough and clearly nearer than the next.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from extractors.gazetteer.names import GENERIC_WORDS, fold
from extractors.gazetteer.world import SUB_KIND
from models.records import Level, Place

_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_SIMILARITY = 0.72
MARGIN = 0.1

# Pinyin initials and English letters, by the class a transliterator hears;
# V stands for a vowel group (one syllable's nucleus).
_CLASSES = {**dict.fromkeys("bp", "P"), **dict.fromkeys("dt", "T"), **dict.fromkeys("gkc", "K"),
            **dict.fromkeys("fv", "F"), **dict.fromkeys("sz", "S"), **dict.fromkeys("lr", "L"),
            "m": "M", "n": "N", "h": "H", "S": "S", "j": "S", "q": "S", "x": "S", "V": "V"}
_PINYIN_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$")


def pinyin_key(chinese: str) -> str:
    from pypinyin import lazy_pinyin  # imported here: only Chinese names with no table entry need it

    out = []
    for syllable in lazy_pinyin(chinese):
        if not syllable.isalpha():
            continue
        initial, final = _PINYIN_INITIAL.match(syllable).groups()
        if initial in ("zh", "ch", "sh"):
            out.append("S")
        elif initial and initial in _CLASSES:
            out.append(_CLASSES[initial])
        out.append("V")
        if final.endswith(("n", "ng")):
            out.append("N")
        elif final == "er":
            out.append("L")
    return _squeeze(out)


def english_keys(name: str) -> tuple[str, ...]:
    """The skeleton of an English name, and the same without a final stop
    (Mandarin drops it: Richland 瑞奇蘭, Hartford 哈特福)."""
    words = [w for w in fold(name).split() if w not in GENERIC_WORDS]
    s = re.sub(r"[^a-z]", "", "".join(words))
    s = re.sub(r"(?<=[^aeiou])e$", "", s) if len(s) > 3 else s  # a silent final e
    for old, new in (("ph", "f"), ("tch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("th", "t"),
                     ("ck", "k"), ("gh", ""), ("qu", "kw"), ("x", "ks"), ("wh", "w")):
        s = s.replace(old, new)
    s = re.sub(r"c(?=[eiy])", "s", s)
    s = re.sub(r"(?<=[aeiouy])r(?=[^aeiouy]|$)", "", s)  # 'Starnberg', 'Delaware': an r after a vowel is not heard
    s = re.sub(r"m(?=[^aeiouy])", "n", s)  # a closing m is read n (Temple, 天普)
    s = re.sub(r"[aeiouy]+", "V", s)
    key = _squeeze([_CLASSES[c] for c in s if c in _CLASSES])
    return (key, key[:-1]) if key[-1:] in ("P", "T", "K") else (key,)


def _squeeze(classes: list[str]) -> str:
    return "".join(c for i, c in enumerate(classes) if i == 0 or c != classes[i - 1])


# What a transliteration adds or leaves out cheaply: vowels between
# consonants (Starnberg, shi-tan-bao), an h, a closing l (Fulton, fu-dun).
_INDEL = {"V": 0.3, "H": 0.5, "L": 0.5}


def similarity(a: str, b: str) -> float:
    """1 - weighted edit distance / consonants of the longer key; 0 unless
    the first consonants agree."""
    ca, cb = a.replace("V", ""), b.replace("V", "")
    if not ca or not cb or ca[0] != cb[0]:
        return 0.0
    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + _INDEL.get(ch, 1.0))
    for x in a:
        cur = [prev[0] + _INDEL.get(x, 1.0)]
        for j, y in enumerate(b, 1):
            swap = 0.0 if x == y else 0.4 if {x, y} == {"M", "N"} else 1.0
            cur.append(min(prev[j] + _INDEL.get(x, 1.0), cur[j - 1] + _INDEL.get(y, 1.0), prev[j - 1] + swap))
        prev = cur
    # A name opening on a vowel is written opening on one (Aimeliik 艾美利克, not Melekeok 梅萊凱奧克);
    # 'en' before a consonant is the Ng of Ngaraard (恩加拉德).
    lead = 0.15 if _vowel_led(a) != _vowel_led(b) else 0.0
    return max(0.0, 1.0 - prev[-1] / max(len(ca), len(cb)) - lead)


def _vowel_led(key: str) -> bool:
    return key[:1] == "V" and not re.match(r"V[NM](?!V)", key)


@lru_cache(maxsize=4)
def places_by_division(world) -> dict[tuple[str, str], list[int]]:
    """(country, division name) -> the places in it."""
    t = world._t
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for entity, admin1 in enumerate(t["admin1_of"]):
        # A country's own first-level divisions (Palau's states) under the division ''.
        division = t["admin1_names"][admin1] if admin1 >= 0 else "" if t["kind"][entity] == SUB_KIND else None
        if division is not None:
            groups[(t["country"][2 * entity: 2 * entity + 2], division)].append(entity)
    return dict(groups)


def by_sound(world, written: str, country: str, division: str, levels: tuple[Level, ...]) -> Place | None:
    """The place of ``division`` (a state, prefecture, region; '' for the
    country's own states) that ``written`` (Chinese, its unit word
    included) transliterates, if one stands out."""
    stem = written.rstrip("市縣县郡區区村町鎮镇州省城")  # ('龐卡城' is Ponca City)
    if len(stem) < 2 or not _CJK.search(stem):
        return None
    key = pinyin_key(stem)
    # One consonant says too little ('台裔' tai-yi), but among a country's own few
    # states an exact match still stands out ('帛琉艾萊州' is Airai).
    few = len(key.replace("V", "")) < 2
    if few and division:
        return None
    scored = []
    for entity in places_by_division(world).get((country, division), ()):
        place = world._place(entity)
        if levels and place.level not in levels:
            continue
        scored.append((max(similarity(key, k) for k in english_keys(place.name)), place))
    if written.endswith("城"):  # ('龐卡城': a name with 'City' in it, Ponca City, not Binger)
        scored = [sp for sp in scored if sp[1].name.endswith(" City")]
    scored.sort(key=lambda sp: -sp[0])
    if not scored or scored[0][0] < MIN_SIMILARITY or (few and (scored[0][0] < 1.0 or (
            len(scored) > 1 and scored[1][0] >= 1.0))):
        return None
    # Two places that sound alike get no guess, unless one is a city and the other a village:
    # Chinese writes by sound the places its readers know (佛雷斯諾 is Fresno, not Valley Center).
    # A name heard exactly needs a smaller lead (帕莎迪納 is Pasadena, 142,000, not Bostonia, 15,000).
    top, runner = scored[0][1], scored[1][1] if len(scored) > 1 else None
    lead = 5 if scored[0][0] >= 1.0 > scored[1 if runner else 0][0] else 10
    if runner is not None and scored[1][0] > scored[0][0] - MARGIN and runner.name != top.name \
            and not ((top.population or 0) >= 50_000 and (top.population or 0) >= lead * (runner.population or 0)):
        return None
    return scored[0][1]
