"""Tests for user-based collaborative filtering. Trusted: never shown to the learner's sandbox.

Random matrices use continuous ratings and make every user rate items 0 and 1, so any
two users share at least two co-rated items and no similarity is (near-)tied; exact
ties are tested only with small integer ratings, where every implementation computes
bit-identical similarities.
"""

import numpy as np

n = np.nan


def generate(rng, size):
    n_users = max(3, int(size))
    n_items = int(rng.integers(4, 30))
    R = rng.uniform(1.0, 5.0, size=(n_users, n_items))
    density = rng.uniform(0.2, 0.8)
    R[rng.random((n_users, n_items)) > density] = np.nan
    R[:, :2] = rng.uniform(1.0, 5.0, size=(n_users, 2))
    user = int(rng.integers(0, n_users))
    item = int(rng.integers(2, n_items))
    R[user, item] = np.nan
    k = int(rng.integers(1, 8))
    return (R, user, item, k)


_EXAMPLE = np.array([[5, 3, 4, n], [4, 2, 5, 3], [1, 5, n, 2], [5, 3, 4, n]], dtype=float)


def _many_ties(n_users=300, every=3):
    """User 0 and n_users - 1 others; all but every `every`-th rate items 0-2 exactly as
    user 0 does (similarity tied at the same float), with item-3 ratings 1-5; the others
    are random."""
    rng = np.random.default_rng(5)
    rows = [[5.0, 3.0, 4.0, n]]
    for v in range(1, n_users):
        if v % every:
            rows.append([5.0, 3.0, 4.0, float(1 + v % 5)])
        else:
            rows.append([float(x) for x in rng.integers(1, 6, size=4)])
    return np.array(rows)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, 0, 3, 2),
        "expected": 4
        + (46 / np.sqrt(2250) * (3 - 3.5) + 20 / np.sqrt(884) * (2 - 8 / 3))
        / (46 / np.sqrt(2250) + 20 / np.sqrt(884)),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, k = 1",
        "kind": "visible",
        "args": (_EXAMPLE, 0, 3, 1),
        "expected": 3.5,
        "note": "only the most similar user votes",
    },
    {
        "name": "nobody rated the item",
        "kind": "hidden",
        "args": (np.array([[4, 2, n], [3, 5, n], [1, 1, n]], dtype=float), 1, 2, 3),
        "expected": 4.0,
        "note": "no candidates: the user's own mean",
    },
    {
        "name": "no co-rated items",
        "kind": "hidden",
        "args": (np.array([[2, n, n], [n, 5, 1]], dtype=float), 0, 2, 1),
        "expected": 2.0,
        "note": "the only rater of the item shares no item with the user",
    },
    {
        "name": "user without ratings",
        "kind": "hidden",
        "args": (np.array([[n, n, n], [4, 2, 3], [5, n, 1]], dtype=float), 0, 1, 2),
        "expected": 3.0,
        "note": "cold-start user: the mean of all observed ratings",
    },
    {
        "name": "exact tie goes to the lower index",
        "kind": "hidden",
        "args": (
            np.array([[4, 2, n, n], [5, 1, 1, 3], [4, 2, 5, n], [4, 2, 1, 5]], dtype=float),
            0,
            2,
            1,
        ),
        "expected": 3.0 + (5 - 11 / 3),
        "note": "users 2 and 3 both have similarity exactly 1; user 2 wins",
    },
    {
        "name": "similarity ignores items only one user rated",
        "kind": "hidden",
        "args": (
            np.array(
                [[5, 1, n, n, n], [5, 1, 2, 5, 5], [1, 5, 4, n, n], [2, 2, 5, n, n]], dtype=float
            ),
            0,
            2,
            2,
        ),
        "note": "filling gaps with zeros changes which users are nearest",
    },
    {
        "name": "k larger than the candidates",
        "kind": "hidden",
        "args": (_EXAMPLE, 0, 3, 10),
        "note": "all candidates are used",
    },
    {
        "name": "large matrix",
        "kind": "hidden",
        "args": generate(np.random.default_rng(41), 2000),
        "note": "2,000 users: a loop over users is fine",
    },
    {
        "name": "many exact ties",
        "kind": "hidden",
        "args": (_many_ties(), 0, 3, 3),
        "expected": 3.5,
        "note": "202 candidates tie at the top: users 1, 2 and 4 (the lowest indices) must win",
    },
    # Which tied indices an unstable sort returns first depends on the layout and on the
    # sorting kernel NumPy dispatches for the CPU (its SIMD kernels order ties differently
    # from the portable one), so three layouts guard the rule: wrong/unstable-argsort.py
    # fails all three with the portable kernel, and passed the first on an AVX2 machine.
    {
        "name": "many exact ties, 300 users, k = 5",
        "kind": "hidden",
        "args": (_many_ties(300, every=7), 0, 3, 5),
        "note": "257 tied candidates; the five lowest indices must win",
    },
    {
        "name": "many exact ties, 2,000 users, k = 10",
        "kind": "hidden",
        "args": (_many_ties(2000, every=7), 0, 3, 10),
        "note": "1,719 tied candidates; the ten lowest indices must win (kills "
        "wrong/unstable-argsort.py with NumPy's AVX2 and portable sorting kernels)",
    },
    {
        "name": "user mean over all own ratings",
        "kind": "hidden",
        "args": (np.array([[5, 1, n], [4, n, 3], [2, n, 4]], dtype=float), 0, 2, 2),
        "expected": 3.25,
        "note": "user 0's mean is 3 over both its ratings, though only item 0 is co-rated "
        "(a mean over co-rated items, 5, gives 5.25)",
    },
]
