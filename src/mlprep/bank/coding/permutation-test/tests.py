"""Tests for the two-sample permutation test. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _perms(rng, count, n, extras=()):
    rows = [rng.permutation(n) for _ in range(count)]
    rows[: len(extras)] = [np.asarray(e) for e in extras][: len(rows)]
    return np.array(rows, dtype=np.int64).reshape(count, n)


def generate(rng, size):
    """n_a + n_b about size values with two decimals in [-100, 100]; some permutations only
    reorder within the groups (a float-only tie) or are the identity; sometimes int data."""
    total = max(2, int(size))
    n_a = int(rng.integers(1, total))
    n_b = total - n_a
    shift = float(rng.choice([0.0, 0.1, 0.5, 2.0]))
    a = np.round(np.clip(rng.normal(shift, 1.0, n_a) * 10, -100, 100), 2)
    b = np.round(np.clip(rng.normal(0.0, 1.0, n_b) * 10, -100, 100), 2)
    if rng.random() < 0.25:
        a, b = np.round(a).astype(np.int64), np.round(b).astype(np.int64)
    if rng.random() < 0.15:
        b = rng.permutation(np.concatenate([a, a]))[:n_b] if n_b <= 2 * n_a else b
    n = n_a + n_b
    count = int(rng.integers(1, 2001))
    within = np.concatenate([rng.permutation(n_a), n_a + rng.permutation(n_b)])
    perms = _perms(rng, count, n, extras=[np.arange(n), within][: int(rng.integers(0, 3))])
    return (a, b, perms)


_A = np.array([12.0, 15.0, 11.0, 14.0])
_B = np.array([10.0, 9.0, 13.0])
_EXAMPLE_PERMS = np.array(
    [[0, 1, 2, 3, 4, 5, 6], [4, 1, 2, 3, 0, 5, 6], [6, 5, 4, 3, 2, 1, 0], [3, 1, 6, 0, 2, 5, 4]]
)


def _float_tie():
    # the last two permutations only reorder group B: the same difference of means, but
    # 0.8 + 0.6 + 0.9 summed in another order is a few ulps off, so |T*| < |T| in float
    a = np.array([0.6, 0.3, 0.0, 0.0])
    b = np.array([0.8, 0.9, 0.6])
    perms = np.array(
        [[4, 5, 6, 0, 1, 2, 3], [0, 4, 1, 5, 2, 6, 3], [0, 1, 2, 3, 4, 6, 5], [0, 1, 2, 3, 5, 6, 4]]
    )
    return (a, b, perms)


def _largest():
    rng = np.random.default_rng(1000)
    a = np.round(rng.normal(0.3, 1, 400) * 10, 2)
    b = np.round(rng.normal(0.0, 1, 600) * 10, 2)
    return (a, b, _perms(rng, 5000, 1000))


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_A, _B, _EXAMPLE_PERMS),
        "note": "the example from the prompt",
    },
    {
        "name": "float-only tie",
        "kind": "hidden",
        "args": _float_tie(),
        "note": (
            "two permutations only reorder within the groups: the same difference of means, "
            "a few ulps off in float; they must count as extreme"
        ),
    },
    {
        "name": "identity permutation",
        "kind": "hidden",
        "args": (_A, _B, np.array([[0, 1, 2, 3, 4, 5, 6]])),
        "note": "the only permutation is the observed split: (1 + 1) / (1 + 1)",
    },
    {
        "name": "equal means",
        "kind": "hidden",
        "args": (np.array([1.0, 3.0]), np.array([2.0, 2.0, 2.0]), _EXAMPLE_PERMS[:, :5] % 5),
        "note": "observed difference 0: every permutation is at least as extreme, p = 1",
    },
    {
        "name": "negative observed difference",
        "kind": "hidden",
        "args": (
            _B,
            _A,
            np.array([[0, 1, 2, 3, 4, 5, 6], [3, 4, 5, 6, 0, 1, 2], [1, 3, 5, 0, 2, 4, 6]]),
        ),
        "note": "A below B: two-sided, so |T*| >= |T| counts both tails",
    },
    {
        "name": "unequal group sizes",
        "kind": "hidden",
        "args": (
            np.array([5.0]),
            np.array([1.0, 2.0, 3.0, 4.0, 9.0]),
            np.array(
                [[5, 0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5], [4, 5, 0, 1, 2, 3], [2, 1, 0, 5, 4, 3]]
            ),
        ),
        "note": "n_a = 1: group A* is the first entry of each permutation only",
    },
    {
        "name": "integer data",
        "kind": "hidden",
        "args": (
            np.array([3, 8, 2, 7, 7]),
            np.array([1, 4, 2, 2]),
            np.array([np.random.default_rng(9).permutation(9) for _ in range(50)]),
        ),
        "note": "int64 arrays: means must be taken in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _largest(),
        "note": "n_a + n_b = 1000 values, 5000 permutations",
    },
]
