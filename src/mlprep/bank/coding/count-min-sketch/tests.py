"""Tests for the count-min sketch. Trusted: never shown to the learner's sandbox."""

import numpy as np

P = 2**31 - 1


def _params(rng, d):
    return [(int(rng.integers(1, P)), int(rng.integers(0, P))) for _ in range(d)]


def generate(rng, size):
    """size stream items from a Zipf-like id distribution; ids small or near 2^31; both update modes."""
    n = int(size)
    if rng.random() < 0.5:
        stream = [int(v) for v in np.minimum(rng.zipf(1.3, n), 10**6)]
    else:
        stream = [int(v) for v in rng.integers(P - 5000, P, n)]
    seen = stream[: min(len(stream), 50)]
    queries = seen + [int(v) for v in rng.integers(0, P, int(rng.integers(0, 30)))]
    width = int(rng.choice([1, 7, 64, 1000, 10_000]))
    d = int(rng.integers(1, 9))
    return (stream, queries, width, _params(rng, d), bool(rng.random() < 0.5))


_S = [3, 7, 3, 11, 3, 7, 20, 15, 4, 11]
_Q = [3, 7, 11, 20, 15, 4, 9]
_PARAMS = [(1107318097, 910631), (629511124, 399253)]
_R = np.random.default_rng(21)
_BIG_STREAM = [int(v) for v in np.minimum(_R.zipf(1.2, 50_000), P - 1)]
_BIG_QUERIES = [int(v) for v in _R.integers(0, 20_000, 10_000)]
_BIG_PARAMS = _params(_R, 8)

CASES = [
    {
        "name": "prompt example, standard",
        "kind": "visible",
        "args": (_S, _Q, 4, _PARAMS, False),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, conservative",
        "kind": "visible",
        "args": (_S, _Q, 4, _PARAMS, True),
        "note": "conservative update lowers the overestimates",
    },
    {
        "name": "empty stream",
        "kind": "hidden",
        "args": ([], [1, 2, 3], 10, _PARAMS, True),
        "expected": [0, 0, 0],
        "note": "empty input: every estimate is 0",
    },
    {
        "name": "no queries",
        "kind": "hidden",
        "args": (_S, [], 4, _PARAMS, False),
        "expected": [],
        "note": "empty query list",
    },
    {
        "name": "width one",
        "kind": "hidden",
        "args": (_S, _Q, 1, _PARAMS, False),
        "note": "width = 1: every counter holds the stream length",
    },
    {
        "name": "width one, conservative",
        "kind": "hidden",
        "args": (_S, _Q, 1, _PARAMS, True),
        "note": "width = 1 conservative: the single cells all rise together",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": ([5, 5, 9, 2, 9, 5], [5, 9, 2, 8], 3, [(48271, 11)], True),
        "note": "d = 1: conservative equals standard",
    },
    {
        "name": "ids near 2^31",
        "kind": "hidden",
        "args": ([P - 1, P - 2, P - 1, 2**30, P - 1], [P - 1, P - 2, 2**30, 0], 97, [(P - 1, P - 1), (2**31 - 19, 5)], False),
        "note": "values far outside int32 range: a * x near 2^62 overflows 32-bit arithmetic",
    },
    {
        "name": "ids near 2^31, conservative",
        "kind": "hidden",
        "args": ([P - 1, P - 2, P - 1, 2**30, P - 1], [P - 1, P - 2, 2**30, 0], 3, [(P - 1, P - 1), (2**31 - 19, 5), (65537, 0)], True),
        "note": "large products with collisions in three rows",
    },
    {
        "name": "heavy collisions, conservative",
        "kind": "hidden",
        "args": ([int(v) for v in np.random.default_rng(4).integers(0, 200, 2000)], list(range(0, 210, 3)), 16, _params(np.random.default_rng(5), 4), True),
        "note": "200 ids in 16 columns: the order of reading and raising the counters matters",
    },
    {
        "name": "largest stated size, standard",
        "kind": "hidden",
        "args": (_BIG_STREAM, _BIG_QUERIES, 10_000, _BIG_PARAMS, False),
        "note": "50,000 items, 10,000 queries, width 10,000, 8 rows",
    },
    {
        "name": "largest stated size, conservative",
        "kind": "hidden",
        "args": (_BIG_STREAM, _BIG_QUERIES, 10_000, _BIG_PARAMS, True),
        "note": "the same with conservative update (sequential)",
    },
]
