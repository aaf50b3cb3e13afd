"""Tests for tie-aware precision@k and recall@k. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _query(rng, n, style):
    if style == 0:  # quantised scores: many exact ties
        s = np.round(rng.random(n), int(rng.integers(0, 3)))
    elif style == 1:  # integer-valued scores: exact ties, a float shortcut happens to be exact
        s = rng.integers(-3, 4, n).astype(float)
    elif style == 2:  # near-ties 1e-12 apart, not bit-equal, beside exact duplicates
        base = rng.random(max(1, n // 3 + 1))
        s = rng.choice(base, n) + rng.choice([0.0, 0.0, 1e-12, -1e-12], n)
    else:  # continuous scores with a few duplicates
        s = rng.normal(size=n)
        if n > 1:
            s[rng.integers(0, n, n // 10)] = s[0]
    rate = float(rng.choice([0.0, 0.05, 0.3, 0.8]))
    y = (rng.random(n) < rate).astype(np.int64)
    return s, y


def generate(rng, size):
    """Queries of 0..size candidates (at most 1,000,000 in all): quantised, integer,
    near-tied or continuous scores, in no particular order; relevance rates from 0 (no
    relevant item) to 0.8; k from 1 to past the query sizes (at most 1,000)."""
    size = int(size)
    q = int(rng.integers(0, 5)) if size >= 10_000 else int(rng.integers(0, 40))
    style = int(rng.integers(0, 4))
    scores, labels = [], []
    for _ in range(q):
        s, y = _query(rng, int(rng.integers(0, size + 1)), style)
        scores.append(s)
        labels.append(y)
    k = int(min(1000, max(1, rng.choice([1, 3, 10, size // 2, size + 2]))))
    return (scores, labels, k)


def _big():
    rng = np.random.default_rng(100_000)
    scores, labels = [], []
    for i in range(10):
        s = np.round(rng.random(100_000), 3)  # 1,000 distinct values: ties of about 100
        y = (rng.random(100_000) < 0.01 * (i + 1)).astype(np.int64)
        scores.append(s)
        labels.append(y)
    return (scores, labels, 1000)


def _many():
    rng = np.random.default_rng(2000)
    scores = [np.round(rng.random(500), 1) for _ in range(2000)]
    labels = [(rng.random(500) < 0.1).astype(np.int64) for _ in range(2000)]
    return (scores, labels, 7)


_A = np.array
CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            [_A([0.9, 0.7, 0.7, 0.7, 0.2]), _A([3.0, 1.0, 2.0])],
            [_A([1, 0, 1, 0, 1]), _A([0, 0, 0])],
            3,
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "no queries",
        "kind": "hidden",
        "args": ([], [], 5),
        "expected": (0.0, 0.0),
        "note": "Q = 0: both means are over nothing",
    },
    {
        "name": "query without candidates",
        "kind": "hidden",
        "args": ([_A([]), _A([0.5, 0.1])], [_A([], dtype=np.int64), _A([1, 0])], 1),
        "expected": (0.5, 1.0),
        "note": "an empty query scores precision 0 and has no recall",
    },
    {
        "name": "fewer candidates than k",
        "kind": "hidden",
        "args": ([_A([0.2, 0.8, 0.5])], [_A([1, 0, 1])], 5),
        "expected": (0.4, 1.0),
        "note": "n < k: all candidates are in, precision is divided by k = 5, not by n",
    },
    {
        "name": "exactly k candidates",
        "kind": "hidden",
        "args": ([_A([0.3, 0.3, 0.3])], [_A([0, 1, 0])], 3),
        "expected": (1 / 3, 1.0),
        "note": "n = k with every score tied: all are in the top k",
    },
    {
        "name": "every score tied",
        "kind": "hidden",
        "args": ([np.full(10, 0.25)], [_A([1, 0, 0, 1, 0, 0, 0, 1, 0, 0])], 4),
        "note": "one tie group of 10 straddles k = 4: h = 3 * 4 / 10",
    },
    {
        "name": "tie group first in the list",
        "kind": "hidden",
        "args": ([_A([0.5, 0.5, 0.9, 0.5, 0.1])], [_A([0, 0, 0, 1, 1])], 2),
        "note": "the relevant tied item comes last in input order: breaking ties by position "
        "(stable argsort) misses it, the expectation counts 1/3 of it",
    },
    {
        "name": "near-tie 1e-12 apart at the cut",
        "kind": "hidden",
        "args": ([_A([0.6, 0.6 + 1e-12, 0.6 - 1e-12, 0.3])], [_A([0, 1, 0, 1])], 2),
        "note": "scores within 1e-12, not bit-equal: no tie, the higher two are in (a tolerance "
        "would merge them)",
    },
    {
        "name": "tie ends exactly at k",
        "kind": "hidden",
        "args": ([_A([0.4, 0.8, 0.4, 0.1, 0.1])], [_A([1, 0, 0, 1, 0])], 3),
        "expected": (1 / 3, 0.5),
        "note": "the group at rank k fits entirely (k - a = g): no fraction",
    },
    {
        "name": "no relevant items anywhere",
        "kind": "hidden",
        "args": ([_A([0.1, 0.2]), _A([0.3])], [_A([0, 0]), _A([0])], 1),
        "expected": (0.0, 0.0),
        "note": "recall is averaged over no query: 0.0, not nan",
    },
    {
        "name": "recall mean skips queries without relevant items",
        "kind": "hidden",
        "args": (
            [_A([0.9, 0.1]), _A([0.9, 0.1]), _A([0.5, 0.4, 0.3])],
            [_A([1, 0]), _A([0, 0]), _A([0, 0, 1])],
            1,
        ),
        "expected": (1 / 3, 0.5),
        "note": "recall over 2 queries (1 and 0), precision over all 3",
    },
    {
        "name": "negative and integer scores",
        "kind": "hidden",
        "args": (
            [_A([-1.0, -3.0, -1.0, 0.0, -3.0, -3.0, 2.0])],
            [_A([0, 1, 1, 0, 1, 0, 1])],
            4,
        ),
        "note": "integer-valued negative scores: exact ties, highest first",
    },
    {
        "name": "k = 1 with a tie at the top",
        "kind": "hidden",
        "args": ([_A([0.7, 0.7, 0.7, 0.7])], [_A([1, 1, 0, 0])], 1),
        "expected": (0.5, 0.25),
        "note": "the top rank itself is a tie of four with two relevant items",
    },
    {
        "name": "many queries",
        "kind": "hidden",
        "args": _many(),
        "note": "2,000 queries of 500 candidates with scores rounded to 0.1",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _big(),
        "note": "10 queries of 100,000 candidates (1,000,000 in all), k = 1,000, ties of about "
        "100 at the cut",
    },
]
