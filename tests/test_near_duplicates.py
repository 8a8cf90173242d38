"""Near-duplicate detection: a syndicated story is one source."""

from __future__ import annotations

import random

from extractors.near_duplicates import cluster_documents

WORDS = ("city council mayor signed agreement partnership trade students exchange festival visit delegation "
         "port harbour museum culture science park bridge river mountain official ceremony hall").split()


def story(seed: int, n: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n)]


def edit(words: list[str], share: float, seed: int) -> str:
    rng = random.Random(seed)
    out = list(words)
    for i in rng.sample(range(len(out)), int(len(out) * share)):
        out[i] = "changed" + str(i)
    return " ".join(out)


def test_copies_with_five_percent_of_words_changed_cluster_together():
    base = story(1)
    clusters = cluster_documents([(1, " ".join(base)), (2, edit(base, 0.05, 2)), (3, edit(base, 0.05, 3))])
    assert clusters == {1: 1, 2: 1, 3: 1}


def test_different_stories_stay_apart():
    clusters = cluster_documents([(1, " ".join(story(1))), (2, " ".join(story(2))), (3, " ".join(story(3)))])
    assert clusters == {1: 1, 2: 2, 3: 3}


def test_heavily_rewritten_text_is_a_new_source():
    base = story(1)
    clusters = cluster_documents([(1, " ".join(base)), (2, edit(base, 0.6, 2))])
    assert clusters[2] == 2


def test_empty_and_short_texts_do_not_break_clustering():
    assert cluster_documents([(1, ""), (2, "Taipei"), (3, "Taipei")]) == {1: 1, 2: 2, 3: 2}
