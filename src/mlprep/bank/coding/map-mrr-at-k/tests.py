"""Tests for MAP@k and MRR@k. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """About size queries over a catalogue of str or int ids; rankings with repeats,
    relevant sets in unsorted order (some empty, some larger than k)."""
    q = int(rng.integers(0, max(1, int(size)) + 1))
    catalogue = int(rng.integers(2, 60))
    as_str = rng.random() < 0.5
    k = int(rng.integers(1, 25))

    def item(i):
        return f"doc{i}" if as_str else int(i)

    rankings, relevant = [], []
    for _ in range(q):
        length = int(rng.integers(0, 40))
        ranked = [item(i) for i in rng.integers(0, catalogue, size=length)]  # repeats possible
        n_rel = int(rng.integers(0, min(catalogue, 30) + 1)) if rng.random() > 0.1 else 0
        rel = [item(i) for i in rng.choice(catalogue, size=n_rel, replace=False)]
        rankings.append(ranked)
        relevant.append(rel)
    return (rankings, relevant, k)


_R = [["a", "b", "c", "d", "e"], ["x", "y", "z"], ["p", "q"]]
_REL = [["c", "a", "f"], ["z"], []]


def _largest():
    rng = np.random.default_rng(2000)
    rankings = rng.integers(0, 5000, size=(2000, 1000)).tolist()
    relevant = [rng.choice(5000, size=1000, replace=False).tolist() for _ in range(2000)]
    return (rankings, relevant, 1000)


CASES = [
    {
        "name": "prompt example, k = 3",
        "kind": "visible",
        "args": (_R, _REL, 3),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, k = 1",
        "kind": "visible",
        "args": (_R, _REL, 1),
        "note": "only the top item counts",
    },
    {
        "name": "repeated item",
        "kind": "hidden",
        "args": ([["a", "a", "b", "a"]], [["a", "b"]], 4),
        "note": "'a' appears three times but is one hit; the repeats still take positions 2 and 4",
    },
    {
        "name": "more relevant items than k",
        "kind": "hidden",
        "args": ([[1, 2, 3, 4]], [[1, 2, 9, 8, 7, 6]], 2),
        "expected": (1.0, 1.0),
        "note": "|R| = 6 > k = 2: divide by min(|R|, k) = 2, a perfect top 2 scores 1",
    },
    {
        "name": "first hit after the cut-off",
        "kind": "hidden",
        "args": ([[5, 6, 7, 8]], [[8]], 3),
        "expected": (0.0, 0.0),
        "note": "the only relevant item is at rank 4 > k: both metrics are 0",
    },
    {
        "name": "relevant items missing from the ranking",
        "kind": "hidden",
        "args": ([["u", "v", "w"]], [["w", "s", "t"]], 5),
        "note": "divide by min(|R|, k) = 3, not by the number of hits found (1)",
    },
    {
        "name": "queries without relevant items",
        "kind": "hidden",
        "args": ([["a"], ["b"], ["c", "a"]], [[], [], ["a"]], 2),
        "note": "empty relevant sets score 0 and still count in both means",
    },
    {
        "name": "empty ranking",
        "kind": "hidden",
        "args": ([[], ["a"]], [["a"], ["a"]], 3),
        "note": "a query that returned nothing scores 0",
    },
    {
        "name": "no queries",
        "kind": "hidden",
        "args": ([], [], 5),
        "expected": (0.0, 0.0),
        "note": "Q = 0",
    },
    {
        "name": "integer ids, unsorted relevant list",
        "kind": "hidden",
        "args": ([[30, 10, 20, 40, 50]], [[50, 20, 10]], 5),
        "note": "ids are ints; the relevant list is in no particular order",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _largest(),
        "note": "2000 queries, rankings of 1000 ids with repeats, 1000 relevant each (a list scan per position is far over the limit), k = 1000",
    },
]
