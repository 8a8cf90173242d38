"""Near-duplicate documents: the same story syndicated by several outlets.

Word 5-shingles, MinHash signatures and LSH banding find candidate pairs in
near-linear time; a candidate is kept when its estimated Jaccard similarity
(256 permutations: standard error about 0.03) reaches the threshold. Near-copies with 5% of words changed score about 0.63,
so a threshold near 0.5 catches them while distinct stories stay apart.

Built for a few hundred thousand documents per dedupe: a shingle's hash
combines its words' hashes (each word hashed once) in numpy, the 256
permutations (datasketch's affine32 ones, seed 7) run on blocks of
documents at once, and the bands (datasketch's ``MinHashLSH`` layout) are
grouped by sorting. Hashing each shingle with SHA-1 in datasketch's
``MinHash`` and keeping its LSH tables cost about 1 ms and several kilobytes
of Python objects per document.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE = 5
PERMUTATIONS = 256
SEED = 7
# LSH only proposes candidates; a looser band threshold than the final one
# keeps true near-copies from slipping through the bands.
CANDIDATE_FACTOR = 0.6
BLOCK = 256  # documents permuted per numpy step: about 30 MB for 120-word texts
PAIRS_CHECKED = 65_536  # candidate pairs compared per numpy step
WORD_CACHE = 1_000_000  # word hashes kept; past it the cache starts again
_WORD = re.compile(r"\w+", re.UNICODE)
# Odd multipliers that place each word of a shingle (random, fixed).
_PLACES = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                    0xFF51AFD7ED558CCD], dtype=np.uint64)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str) -> set[bytes]:
    """The word 5-shingles whose hashes ``shingle_hashes`` computes (for reading, and tests)."""
    words = words_of(text)
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: every input bit moves every output bit."""
    shift, m1, m2 = _FMIX64
    h = h ^ (h >> shift)
    h = h * m1
    h = h ^ (h >> shift)
    h = h * m2
    return h ^ (h >> shift)


def shingle_hashes(words: list[str], cache: dict[str, int] | None = None) -> np.ndarray:
    """32-bit hashes of the word 5-shingles (one of all the words where
    there are fewer), equal for equal shingles; empty without words."""
    cache = {} if cache is None else cache
    if len(cache) > WORD_CACHE:
        cache.clear()
    hashes = list(map(cache.get, words))
    if None in hashes:
        for i, word in enumerate(words):
            if hashes[i] is None:  # blake2b: stable across processes, unlike hash()
                hashes[i] = cache[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(),
                                                         "little")
    if not hashes:
        return np.empty(0, dtype=np.uint32)
    wh = np.array(hashes, dtype=np.uint64)
    width = min(SHINGLE, len(wh))
    with np.errstate(over="ignore"):  # wrapping arithmetic modulo 2^64 on purpose
        combined = sum(wh[k:len(wh) - width + 1 + k] * _PLACES[k] for k in range(width))
        return (_fmix64(combined + np.uint64(width)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    a, b = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme="affine32").permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def _block_signatures(groups: list[np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Signatures (one row each) of documents given as non-empty shingle hashes."""
    hv = np.concatenate(groups)
    with np.errstate(over="ignore"):  # the permutations wrap modulo 2^32 on purpose
        # One row per permutation: reduceat along contiguous rows is 6x faster.
        products = a[:, None] * hv[None, :] + b[:, None]
    starts = np.cumsum([0] + [len(g) for g in groups[:-1]])
    return np.minimum.reduceat(products, starts, axis=1).T


def signature(text: str) -> np.ndarray | None:
    """One document's MinHash signature (256 values), None without words."""
    hv = shingle_hashes(words_of(text))
    return _block_signatures([hv], *_permutations())[0] if len(hv) else None


def signatures(texts: Iterable[tuple[int, str]]) -> tuple[list[int], np.ndarray, list[int]]:
    """Ids of documents with words, their signatures (rows in that order), and
    ids of documents without words."""
    a, b = _permutations()
    cache: dict[str, int] = {}
    ids: list[int] = []
    empty: list[int] = []
    blocks: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    for doc_id, text in texts:
        hv = shingle_hashes(words_of(text or ""), cache)
        if not len(hv):
            empty.append(doc_id)
            continue
        ids.append(doc_id)
        pending.append(hv)
        if len(pending) == BLOCK:
            blocks.append(_block_signatures(pending, a, b))
            pending = []
    if pending:
        blocks.append(_block_signatures(pending, a, b))
    matrix = np.concatenate(blocks) if blocks else np.empty((0, PERMUTATIONS), dtype=np.uint32)
    return ids, matrix, empty


def _band_pairs(band: np.ndarray) -> np.ndarray:
    """Pairs of rows whose band values are all equal, as codes i * n + j (i < j)."""
    n = len(band)
    order = np.lexsort(band.T[::-1])
    ordered = band[order]
    same = np.all(ordered[1:] == ordered[:-1], axis=1)
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    lengths = np.diff(np.append(starts, n))
    run_end = np.repeat(starts + lengths, lengths)  # each sorted position's end of run
    position = np.flatnonzero(np.repeat(lengths, lengths) > 1)
    codes = []
    offset = 1
    while True:  # pair every position with the one `offset` further in its run
        position = position[position + offset < run_end[position]]
        if not len(position):
            break
        i, j = order[position].astype(np.int64), order[position + offset].astype(np.int64)
        codes.append(np.minimum(i, j) * n + np.maximum(i, j))
        offset += 1
    return np.concatenate(codes) if codes else np.empty(0, dtype=np.int64)


def cluster_documents(texts: Iterable[tuple[int, str]], threshold: float = 0.5) -> dict[int, int]:
    """Map each document id to its cluster: the smallest id of the documents
    it is a near-copy of (transitively). Deterministic for the same input."""
    ids, sigs, empty = signatures(texts)
    lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=PERMUTATIONS)  # for its bands only
    codes = np.empty(0, dtype=np.int64)
    for start, end in lsh.hashranges:
        # Unique as we go: a near-copy pair shares most bands.
        codes = np.union1d(codes, _band_pairs(sigs[:, start:end]))
    candidates = np.stack([codes // max(1, len(ids)), codes % max(1, len(ids))], axis=1)
    parent = {doc_id: doc_id for doc_id in [*ids, *empty]}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lo in range(0, len(candidates), PAIRS_CHECKED):
        chunk = candidates[lo:lo + PAIRS_CHECKED]
        similar = np.count_nonzero(sigs[chunk[:, 0]] == sigs[chunk[:, 1]], axis=1) / PERMUTATIONS >= threshold
        for i, j in chunk[similar].tolist():
            x, y = find(ids[i]), find(ids[j])
            parent[max(x, y)] = min(x, y)
    return {doc_id: find(doc_id) for doc_id in parent}
