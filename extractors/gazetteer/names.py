"""Name folding shared by every gazetteer and by the scorer."""

from __future__ import annotations

import re
import unicodedata

# Words that say what kind of government a name is, not which one.
GENERIC_WORDS = frozenset(
    """city county prefecture province state district township town village
    municipality municipal metropolitan metropolis special region regency
    borough shire oblast krai voivodeship canton department governorate
    atoll island islands the of government""".split()
)

_VARIANT_CHARS = str.maketrans({"臺": "台", "縣": "县", "區": "区", "鄉": "乡", "鎮": "镇"})
_PUNCT = re.compile(r"[\s\-‐‑–—'’`.,]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters that NFKD does not decompose.
    return out.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i"}))


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
