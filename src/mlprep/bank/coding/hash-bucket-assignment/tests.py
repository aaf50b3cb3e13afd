"""Tests for hash-based A/B assignment. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _allocation(rng):
    k = int(rng.integers(1, 6))
    cuts = sorted(int(c) for c in rng.integers(0, 10_001, size=k - 1))
    bps = [b - a for a, b in zip([0, *cuts], [*cuts, 10_000])]
    return [(f"arm-{i}", bp) for i, bp in enumerate(bps)]


def generate(rng, size):
    """size ids drawn with repeats from a pool; 1-5 variants, some of zero width."""
    n = int(size)
    pool = max(1, n // 2)
    ids = [f"user-{int(v)}" for v in rng.integers(0, pool, size=n)]
    return (ids, f"exp-{int(rng.integers(0, 10**6))}", _allocation(rng))


_USERS = ["u1", "u2", "u3", "u4", "u5", "u6"]
_HALF = [("control", 5000), ("treatment", 5000)]
_MANY = [f"{i:06d}" for i in range(50_000)]

CASES = [
    {
        "name": "prompt example, 50/50",
        "kind": "visible",
        "args": (_USERS, "checkout-v2", _HALF),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, 90/10",
        "kind": "visible",
        "args": (_USERS, "checkout-v2", [("control", 9000), ("treatment", 1000)]),
        "note": "a small treatment",
    },
    {
        "name": "no users",
        "kind": "hidden",
        "args": ([], "checkout-v2", _HALF),
        "expected": [],
        "note": "empty input",
    },
    {
        "name": "one variant takes everything",
        "kind": "hidden",
        "args": (_USERS, "holdout", [("all", 10_000)]),
        "note": "single variant with 10,000 basis points",
    },
    {
        "name": "zero-width variants",
        "kind": "hidden",
        "args": (
            [f"id{i}" for i in range(400)],
            "ramp",
            [("off", 0), ("control", 6000), ("paused", 0), ("treatment", 4000), ("late", 0)],
        ),
        "note": "variants with 0 basis points first, in the middle and last never get a user",
    },
    {
        "name": "boundary buckets",
        "kind": "hidden",
        "args": (["u2", "u3", "u5", "u1"], "checkout-v2", [("a", 8295), ("b", 1), ("c", 1704)]),
        "note": "off-by-one: u2's bucket 8295 is exactly the start of 'b', a one-bucket range",
    },
    {
        "name": "repeated ids",
        "kind": "hidden",
        "args": (["same", "other", "same", "same", "other"], "checkout-v2", _HALF),
        "note": "duplicates get the same variant every time",
    },
    {
        "name": "unicode ids",
        "kind": "hidden",
        "args": (["café", "ユーザー7", "naïve", "emoji-🙂", ""], "exp-ü", _HALF),
        "note": "non-ASCII ids and salt hash as UTF-8 bytes; the empty string is a valid id",
    },
    {
        "name": "three unequal arms",
        "kind": "hidden",
        "args": ([f"acct-{i}" for i in range(1000)], "pricing", [("b", 2500), ("a", 5000), ("c", 2500)]),
        "note": "names out of alphabetical order: ranges follow the list order, not the names",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_MANY, "large-test", [("control", 3333), ("t1", 3333), ("t2", 3334)]),
        "note": "50,000 ids, three arms",
    },
]
