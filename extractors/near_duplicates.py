"""Near-duplicate documents: the same story syndicated by several outlets.

Word 5-shingles, MinHash signatures and LSH banding find candidate pairs in
near-linear time; a candidate is kept when its estimated Jaccard similarity
(256 permutations: standard error about 0.03) reaches the threshold. Near-copies with 5% of words changed score about 0.63,
so a threshold near 0.5 catches them while distinct stories stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
PERMUTATIONS = 256
# LSH only proposes candidates; a looser band threshold than the final one
# keeps true near-copies from slipping through the bands.
CANDIDATE_FACTOR = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash | None:
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=PERMUTATIONS, seed=7)
    mh.update_batch(list(grams))
    return mh


def cluster_documents(texts: Iterable[tuple[int, str]], threshold: float = 0.5) -> dict[int, int]:
    """Map each document id to its cluster: the smallest id of the documents
    it is a near-copy of (transitively). Deterministic for the same input."""
    lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=PERMUTATIONS)
    parent: dict[int, int] = {}
    sigs: dict[int, MinHash] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, text in sorted(texts):
        parent[doc_id] = doc_id
        sig = signature(text or "")
        if sig is None:
            continue
        for other in lsh.query(sig):
            if sig.jaccard(sigs[other]) >= threshold:
                a, b = find(doc_id), find(other)
                parent[max(a, b)] = min(a, b)
        lsh.insert(doc_id, sig)
        sigs[doc_id] = sig
    return {doc_id: find(doc_id) for doc_id in parent}
