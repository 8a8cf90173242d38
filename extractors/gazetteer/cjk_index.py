"""The Chinese and Japanese names of the world index that a Chinese or
Japanese text is scanned for (``extractors/chinese.py``)."""

from __future__ import annotations

from extractors.gazetteer.world import _CJK, SUB_KIND, WorldIndex

_CJK_SUFFIXES = frozenset("市县县町村州省区郡府都道")


def cjk_names(index: WorldIndex) -> frozenset[str]:
    """Folded Chinese/Japanese place and country names worth scanning a
    Chinese text for: names with an administrative suffix after at least two
    characters ('嬉野市'), and bare names of large places ('東京', '北京')."""
    out = {key for key in index._t["countries"] if _CJK.search(key)}
    pop, sub = index._t["pop"], index._t["kind"]
    for i, key in enumerate(index._keys):
        if not _CJK.search(key) or " " in key:
            continue
        if key[-1] in _CJK_SUFFIXES and len(key) >= 3:
            out.add(key)
            continue
        # A bare name ('文化', '特倫斯') is as often a word or a person: keep
        # it only for a large city or a first-level division.
        entities = (p // 4 for p in index._postings[index._offsets[i]:index._offsets[i + 1]])
        if any(pop[e] >= _BARE_NAME_POPULATION or (sub[e] == SUB_KIND and len(key) >= 3) for e in entities):
            out.add(key)
    return frozenset(out)


_BARE_NAME_POPULATION = 500_000


def cjk_keys(index: WorldIndex) -> frozenset[str]:
    """Every folded Chinese/Japanese name, to check the stem of a name
    written with a suffix ('嬉野' + '市')."""
    return frozenset(k for k in index._keys if _CJK.search(k) and " " not in k)
