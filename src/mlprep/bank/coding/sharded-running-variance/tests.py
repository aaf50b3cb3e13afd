"""Tests for sharded running mean and variance. Trusted: never shown to the learner's sandbox."""

import math

import numpy as np

NAMES = ["eu-west", "us-east-2", "w10", "w2", "ap-1", "shard_07", "Z", "a"]


def generate(rng, size):
    """About `size` operations over 1-8 shards with unsorted names: adds (floats or ints, near
    0 or around +-1e6 / 1e7 with spreads down to 0.1, sometimes one repeated value), merges
    (also of empty or unknown shards, into unknown ones) and queries with ddof 0 or 1 (also
    of shards never seen)."""
    n_ops = max(1, int(size))
    names = list(rng.permutation(NAMES)[: int(rng.integers(1, len(NAMES) + 1))])
    base = float(rng.choice([0.0, 1e3, -1e6, 1e6, 1e7]))
    spread = float(rng.choice([0.1, 1.0, 100.0]))
    mode = int(rng.integers(0, 4))  # 0: ints, 1: one repeated value per shard, else floats
    offset = {name: base + float(rng.normal(0, 3 * spread)) for name in names}
    ops = []
    for _ in range(n_ops):
        u = float(rng.random())
        shard = names[int(rng.integers(len(names)))]
        if u < 0.7:
            if mode == 1:
                value = round(offset[shard], 3)
            else:
                value = offset[shard] + float(rng.normal(0, spread))
            ops.append(("add", shard, int(round(value)) if mode == 0 else value))
        elif u < 0.78:
            other = names[int(rng.integers(len(names)))]
            if other == shard:
                other = "never-used"  # merging an unknown (empty) shard
            if rng.random() < 0.5:
                shard, other = other, shard  # or merging into an unknown one
            ops.append(("merge", shard, other))
        else:
            if rng.random() < 0.05:
                shard = "never-used"
            ops.append(("query", shard, int(rng.integers(0, 2))))
    return (ops,)


def _interleaved(n):
    """n adds to one shard, a query after every 10th: O(1) per operation is required."""
    rng = np.random.default_rng(n)
    ops = []
    for i, v in enumerate(rng.normal(1e6, 0.5, n)):
        ops.append(("add", "ingest", float(v)))
        if i % 10 == 9:
            ops.append(("query", "ingest", (i // 10) % 2))
    return (ops,)


def _tree_merge(workers, per_worker):
    """workers shards filled, then merged pairwise like an all-reduce tree, then queried."""
    rng = np.random.default_rng(workers)
    ops = []
    for w in range(workers):
        for v in rng.normal(1e7 + 5 * w, 0.1, per_worker):
            ops.append(("add", f"w{w}", float(v)))
    step = 1
    while step < workers:
        for w in range(0, workers - step, 2 * step):
            ops.append(("merge", f"w{w}", f"w{w + step}"))
        step *= 2
    ops += [("query", "w0", 1), ("query", "w0", 0), ("query", f"w{workers - 1}", 1)]
    return (ops,)


NAN = math.nan

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            [
                ("add", "eu", 4.0),
                ("add", "eu", 7.0),
                ("add", "us", 1.0),
                ("query", "eu", 1),
                ("add", "us", 3.0),
                ("add", "eu", 13.0),
                ("merge", "eu", "us"),
                ("query", "eu", 1),
                ("query", "eu", 0),
                ("query", "us", 0),
            ],
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "no operations",
        "kind": "hidden",
        "args": ([],),
        "expected": [],
        "note": "an empty log: an empty list",
    },
    {
        "name": "single value",
        "kind": "hidden",
        "args": ([("add", "s", 2.5), ("query", "s", 0), ("query", "s", 1)],),
        "expected": [(1, 2.5, 0.0), (1, 2.5, NAN)],
        "note": "one value: variance 0 with ddof 0, nan with ddof 1 (count <= ddof)",
    },
    {
        "name": "unknown shard",
        "kind": "hidden",
        "args": ([("add", "a", 1.0), ("query", "b", 0), ("query", "b", 1)],),
        "expected": [(0, NAN, NAN), (0, NAN, NAN)],
        "note": "a shard never seen: (0, nan, nan)",
    },
    {
        "name": "merge empties the source",
        "kind": "hidden",
        "args": (
            [
                ("add", "a", 1.0),
                ("add", "b", 5.0),
                ("add", "b", 9.0),
                ("merge", "a", "b"),
                ("query", "b", 0),
                ("add", "b", 100.0),
                ("query", "b", 0),
                ("query", "a", 1),
            ],
        ),
        "expected": [(0, NAN, NAN), (1, 100.0, 0.0), (3, 5.0, 16.0)],
        "note": "after a merge the source is empty and starts again from its next value",
    },
    {
        "name": "merge into an unknown shard",
        "kind": "hidden",
        "args": (
            [
                ("add", "src", 2.0),
                ("add", "src", 4.0),
                ("merge", "dst", "src"),
                ("merge", "dst", "nothing"),
                ("query", "dst", 1),
                ("query", "src", 1),
            ],
        ),
        "expected": [(2, 3.0, 2.0), (0, NAN, NAN)],
        "note": "merging into a shard never seen creates it; merging an unknown source changes nothing",
    },
    {
        "name": "merge of two empty shards",
        "kind": "hidden",
        "args": ([("merge", "x", "y"), ("query", "x", 0), ("add", "x", 3.0), ("query", "x", 0)],),
        "expected": [(0, NAN, NAN), (1, 3.0, 0.0)],
        "note": "0 + 0 values: no division by zero, the shard stays empty",
    },
    {
        "name": "repeated value far from zero",
        "kind": "hidden",
        "args": ([("add", "c", 1e7 + 0.1)] * 5000 + [("query", "c", 1), ("query", "c", 0)],),
        "expected": [(5000, 1e7 + 0.1, 0.0), (5000, 1e7 + 0.1, 0.0)],
        "note": "duplicates: 5,000 copies of 1e7 + 0.1 have variance exactly 0; "
        "E[x^2] - E[x]^2 gives rounding noise, possibly negative",
    },
    {
        "name": "small spread around a million",
        "kind": "hidden",
        "args": (
            [("add", "m", float(v)) for v in np.random.default_rng(3).normal(1e6, 0.1, 20_000)]
            + [("query", "m", 1)],
        ),
        "note": "mean 1e6, standard deviation 0.1: the naive sum of squares loses every digit",
    },
    {
        "name": "integer latencies",
        "kind": "hidden",
        "args": (
            [("add", "p", int(v)) for v in np.random.default_rng(4).integers(80, 400, 3000)]
            + [("query", "p", 0), ("query", "p", 1)],
        ),
        "note": "int values (milliseconds): integer-only input, results are floats",
    },
    {
        "name": "ddof switches per query",
        "kind": "hidden",
        "args": (
            [
                ("add", "q", 1.0),
                ("add", "q", 2.0),
                ("query", "q", 0),
                ("query", "q", 1),
                ("add", "q", 6.0),
                ("query", "q", 1),
                ("query", "q", 0),
            ],
        ),
        "expected": [(2, 1.5, 0.25), (2, 1.5, 0.5), (3, 3.0, 7.0), (3, 3.0, 14.0 / 3.0)],
        "note": "population (ddof 0) and sample (ddof 1) variance of the same shard",
    },
    {
        "name": "merge order and a shard merged twice",
        "kind": "hidden",
        "args": (
            [
                ("add", "a", 10.0),
                ("add", "b", 20.0),
                ("add", "b", 22.0),
                ("add", "c", -5.0),
                ("merge", "b", "c"),
                ("merge", "a", "b"),
                ("add", "c", 7.0),
                ("merge", "a", "c"),
                ("query", "a", 1),
            ],
        ),
        "note": "chained merges, the merged source refilled and merged again",
    },
    {
        "name": "all-reduce tree at 1e7",
        "kind": "hidden",
        "args": _tree_merge(16, 2000),
        "note": "16 shards around 1e7 (spread 0.1, means 5 apart) merged pairwise: the merge "
        "must add the between-shard term delta^2 n_a n_b / n",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _interleaved(100_000),
        "note": "110,000 operations: 100,000 adds to one shard, a query after every 10th; "
        "recomputing from stored values at each query is quadratic",
    },
]
