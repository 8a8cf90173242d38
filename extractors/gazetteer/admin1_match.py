"""Which first-level division a GeoNames city's admin1 code means.

GeoNames files cities under its own admin1 codes (FIPS numbers for many
countries, ISO suffixes for some); the gazetteer names divisions as ISO
3166-2 does. The codes are matched by the names of the divisions' largest
cities, by ISO suffixes GeoNames shares, and, where FIPS numbered the
divisions alphabetically, by their order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.gazetteer.names import fold
from extractors.gazetteer.world import index_keys
from models.records import Level

# First-level in ISO, but inside a GeoNames first-level division (Hungary's
# county towns sit in their counties).
NOT_ADMIN1_TYPES = frozenset({"City with county rights"})
# GeoNames still files Taiwan's cities under the old provinces; Taiwan's own
# table (taiwan.py) describes its governments.
NO_ADMIN1_COUNTRIES = frozenset({"TW"})

_index_keys = lru_cache(maxsize=None)(index_keys)


@dataclass
class Sub:
    code: str
    cc: str
    parent: str | None
    level: Level
    name: str
    aliases: list[str]
    original: str  # as ISO writes it
    type: str
    keys: set[str] = field(default_factory=set)  # for matching GeoNames codes



def match_admin1(cities, subs: list[Sub]) -> dict[tuple[str, str], Sub]:
    """GeoNames (country, admin1 code) -> first-level ISO subdivision."""
    largest: Counter = Counter()  # (country, code) -> its largest city's population
    for c in cities:
        key = c["countrycode"], c["admin1code"]
        largest[key] = max(largest[key], c["population"])
    names: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    codes: dict[str, set[str]] = defaultdict(set)
    for c in cities:
        code, cc = c["admin1code"], c["countrycode"]
        if code and code != "00":
            codes[cc].add(code)
            # A capital named like its division is one of its largest cities;
            # a village named Hunan in Fujian says nothing.
            if c["population"] * 10 >= largest[cc, code]:
                for key, _ in _index_keys(c["name"]):
                    names[cc][key].append((code, c["population"]))
    firsts: dict[str, list[Sub]] = defaultdict(list)
    for s in subs:
        if s.parent is None and s.type not in NOT_ADMIN1_TYPES:
            firsts[s.cc].append(s)
    out = {}
    for cc, group in firsts.items():
        if cc in NO_ADMIN1_COUNTRIES:
            continue
        for code, s in _match_codes(group, codes.get(cc, set()), names.get(cc, {})).items():
            out[cc, code] = s
    return out


def _match_codes(subs: list[Sub], codes: set[str], names) -> dict[str, Sub]:
    votes: Counter = Counter()
    for i, s in enumerate(subs):
        for key in s.keys:
            for code, pop in names.get(key, ()):
                votes[i, code] += pop + 1
        suffix = s.code.split("-", 1)[1]
        if suffix in codes and not suffix.isdigit():
            votes[i, suffix] += 10**12
    chosen: dict[int, str] = {}
    for (i, code), _ in votes.most_common():
        if i not in chosen and code not in chosen.values():
            chosen[i] = code
    same = sum(subs[i].code.split("-", 1)[1] == code for i, code in chosen.items())
    if same >= 2 and same >= 0.8 * len(chosen):  # GeoNames uses the ISO numbers here
        for i, s in enumerate(subs):
            suffix = s.code.split("-", 1)[1]
            if i not in chosen and suffix in codes and suffix not in chosen.values():
                chosen[i] = suffix
    if codes and all(c.isdigit() for c in codes):
        _fill_in_order(subs, codes, chosen)
    return {code: subs[i] for i, code in chosen.items()}


def _fill_in_order(subs: list[Sub], codes: set[str], chosen: dict[int, str]) -> None:
    """FIPS numbered most countries' divisions alphabetically: between two
    matched divisions whose codes agree with that order, as many unmatched
    names as free codes are paired off in order."""
    order = sorted(range(len(subs)), key=lambda i: fold(subs[i].original))
    anchors = [(pos, int(chosen[i])) for pos, i in enumerate(order) if i in chosen]
    chain = _longest_increasing(anchors)
    if len(chain) < 3 or len(chain) < 0.75 * len(anchors):
        return
    taken = set(chosen.values())
    free = sorted((int(c), c) for c in codes if c not in taken)
    bounds = [(-1, -1), *chain, (len(order), 10**9)]
    for (p0, c0), (p1, c1) in zip(bounds, bounds[1:]):
        gap_names = [order[p] for p in range(p0 + 1, p1) if order[p] not in chosen]
        gap_codes = [c for n, c in free if c0 < n < c1]
        if gap_names and len(gap_names) == len(gap_codes):
            chosen.update(zip(gap_names, gap_codes))


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:
        options = [chain for chain in best if chain[-1][1] < pair[1]]
        best.append([*max(options, key=len, default=[]), pair])
    return max(best, key=len, default=[])
