"""Name folding shared by every gazetteer and by the scorer."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import opencc_purepy

# Words that say what kind of government a name is, not which one.
GENERIC_WORDS = frozenset(
    """city county prefecture province state district township town village
    municipality municipal metropolitan metropolis special region regency
    borough shire oblast krai voivodeship canton department governorate
    atoll island islands the of government stad self governing ward""".split()
)  # ('Bratislava Self-Governing Region'; a Japanese special ward, 'Shibuya Ward', is GeoNames' Shibuya)



def _opencc_pairs(name: str) -> dict[str, list[str]]:
    """One-character entries of an OpenCC dictionary shipped with
    opencc-purepy: character -> its one-character equivalents."""
    out = {}
    path = Path(opencc_purepy.__file__).parent / "dicts" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        key, values = line.split("\t", 1)
        single = [v for v in values.split() if len(v) == 1]
        if len(key) == 1 and single:
            out[key] = single
    return out


def _cjk_fold_table() -> dict[int, str]:
    """Traditional Chinese and Japanese shinjitai characters to simplified
    Chinese, one character for one so offsets hold: 臺南/台南, 沖繩縣/沖縄県/
    冲绳县 and 格丁尼亞/格丁尼亚 all fold alike. GeoNames often has only the
    simplified or only the Japanese spelling of a name."""
    simplified = {k: v[0] for k, v in _opencc_pairs("TSCharacters.txt").items()}
    table = {ord(k): v for k, v in simplified.items()}
    for shinjitai, traditional in _opencc_pairs("JPShinjitaiCharacters.txt").items():
        known = [t for t in traditional if t in simplified]
        table[ord(shinjitai)] = simplified[known[0]] if known else traditional[0]
    table[ord("臺")] = "台"  # Taiwan's own names are written with 台 as often as 臺
    return table


_VARIANT_CHARS = _cjk_fold_table()
_PUNCT = re.compile(r"[\s\-‐‑–—'’`.,]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters that NFKD does not decompose.
    return out.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i"}))


def fold_characters(text: str) -> str:
    """Traditional, simplified and shinjitai characters alike, one for one
    (offsets hold): '經貿', '经贸' and '経貿' read the same."""
    return text.translate(_VARIANT_CHARS)


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'Łódź' -> 'lodz',
    'Kao-hsiung' -> 'kao hsiung', '臺北市' -> '台北市'."""
    text = strip_accents(name).translate(_VARIANT_CHARS).casefold()
    return _PUNCT.sub(" ", text).strip()


def fold_core(name: str) -> str:
    """``fold`` without generic words: 'Miyazaki Prefecture' -> 'miyazaki'.
    Falls back to the folded name when nothing else is left."""
    words = fold(name).split()
    core = [w for w in words if w not in GENERIC_WORDS]
    return " ".join(core) if core else " ".join(words)


# GeoNames heads some records with the unit romanised ('Goyang-si', 'Cheongju-si',
# 'Fukui-shi', 'Yoshino-chō'); English writes a Korean city or a Japanese
# municipality by its name alone, and a Korean county or district with the English word.
_KOREAN_UNIT = re.compile(r"-(si|gun|gu)$")
_KOREAN_UNIT_WORD = {"si": "", "gun": " County", "gu": " District"}
_JAPANESE_UNIT = re.compile(r"-(?:chō|cho|machi|mura|son|shi|ku)$")
_JAPANESE_COMPOUND = re.compile(r"^([A-ZŌŪ][a-zōū]+)-([a-zōū]+)$")


_COMPOUND_HEAD = re.compile(r"(?i)^(kami|shimo|naka|higashi|nishi|minami|kita)([a-zōū]{3,})$")


def japanese_compound(name: str) -> str:
    """'Kamifurano' as GeoNames writes it, 'Kami-furano' (a name without such a head unchanged)."""
    m = _COMPOUND_HEAD.match(name)
    return f"{m.group(1)}-{m.group(2)}" if m else name


# 'Omamachi', 'Nakijinson': a Japanese town or village with its unit glued on.
_GLUED_UNIT = re.compile(r"^([A-Z][a-z]{2,})(?:machi|mura|cho|son)$")


def glued_japanese_stem(name: str) -> str | None:
    """'Omamachi' -> 'Oma' (None for a name without such an ending)."""
    m = _GLUED_UNIT.match(name)
    return m.group(1) if m else None


def written_as(name: str, written: str) -> bool:
    """Whether ``written`` is the place ``name`` itself, generic words aside
    ('Houston City', 'Omamachi' for Ōma)."""
    return fold_core(name) in (fold_core(written), fold_core(glued_japanese_stem(written) or "\0"))


def english_name(name: str, country: str) -> str:
    """A GeoNames name as English writes it."""
    if country == "JP":
        # ('Kami-furano': English writes the compound as one word, 'Kamifurano')
        return _JAPANESE_COMPOUND.sub(r"\1\2", _JAPANESE_UNIT.sub("", name))
    if country in ("KR", "KP") and (m := _KOREAN_UNIT.search(name)) is not None:
        return name[:m.start()] + _KOREAN_UNIT_WORD[m.group(1)]
    return name
