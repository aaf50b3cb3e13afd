"""Tests for a UCB1 bandit simulation. Trusted: never shown to the learner's sandbox."""

import math

import numpy as np

MARGIN = 1e-9


def _min_gap(rewards, c):
    """Smallest gap between the winning index and an arm that is not mathematically tied with it.

    Exact ties (same sum and count, or equal fractions when c = 0) are decided by the stated
    rule; any other pair of indices in a decision must differ by more than MARGIN, so that
    every correct way of writing the formula picks the same arm.
    """
    t_rounds, k = rewards.shape
    sums, counts = [0] * k, [0] * k
    gap = math.inf
    for t in range(t_rounds):
        if t < k:
            arm = t
        else:
            log_t = math.log(t)
            idx = [sums[a] / counts[a] + c * math.sqrt(log_t / counts[a]) for a in range(k)]
            arm = max(range(k), key=lambda a: (idx[a], -a))
            for a in range(k):
                tied = (sums[a], counts[a]) == (sums[arm], counts[arm]) or (
                    c == 0 and sums[a] * counts[arm] == sums[arm] * counts[a]
                )
                if not tied:
                    gap = min(gap, abs(idx[arm] - idx[a]))
        sums[arm] += int(rewards[t, arm])
        counts[arm] += 1
    return gap


def _table(rng, t_rounds, probs):
    return (rng.random((t_rounds, len(probs))) < np.asarray(probs)).astype(np.int64)


def generate(rng, size):
    """size rounds; 1-20 arms with random, equal or zero success rates; c in {0, 0.5, 1, 2}.

    Redraws until no decision is closer than MARGIN without being an exact tie.
    """
    t_rounds = max(0, int(size))
    while True:
        k = int(rng.integers(1, 21))
        mode = int(rng.integers(4))
        if mode == 0:
            probs = rng.uniform(0, 1, size=k)
        elif mode == 1:  # equal arms: many exact ties
            probs = np.full(k, float(rng.uniform(0.2, 0.8)))
        elif mode == 2:  # close arms
            probs = 0.5 + rng.uniform(-0.02, 0.02, size=k)
        else:  # rare rewards
            probs = rng.uniform(0, 0.05, size=k)
        rewards = _table(rng, t_rounds, probs)
        c = float(rng.choice([0.0, 0.5, 1.0, 2.0]))
        if _min_gap(rewards, c) > MARGIN:
            return (rewards, c)


_EXAMPLE = np.array(
    [[1, 0, 1], [0, 1, 0], [1, 1, 0], [1, 0, 1], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 0]]
)


def _seeded(seed, t_rounds, probs, c):
    rewards = _table(np.random.default_rng(seed), t_rounds, probs)
    assert _min_gap(rewards, c) > MARGIN
    return (rewards, c)


# c = 0: the greedy phase meets equal fractions (such as 2/4 and 3/6) that are bit-equal
# only when computed as s / n; a running-average update rounds them apart
_FRACTION_TIE = np.array(
    [[1, 0], [1, 1], [0, 0], [0, 1], [0, 1], [1, 0], [1, 1], [1, 0], [1, 0], [1, 0], [0, 0], [0, 0]]
)

# c = 0.5: arms reach the same (sum, count) with rewards in different orders
_ORDER_TIE = np.array(
    [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 1, 1],
        [0, 1, 1],
        [0, 1, 1],
        [0, 0, 1],
        [0, 0, 1],
        [1, 1, 0],
        [1, 1, 1],
        [0, 1, 0],
        [0, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
    ]
)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, 1.0),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, greedy",
        "kind": "visible",
        "args": (_EXAMPLE, 0.0),
        "note": "c = 0: pure exploitation after one pull each",
    },
    {
        "name": "no rounds",
        "kind": "hidden",
        "args": (np.zeros((0, 4), dtype=np.int64), 1.0),
        "expected": ([], 0),
        "note": "T = 0: nothing pulled",
    },
    {
        "name": "fewer rounds than arms",
        "kind": "hidden",
        "args": (np.ones((3, 7), dtype=np.int64), 2.0),
        "expected": ([0, 1, 2], 3),
        "note": "T < K: only the first T arms, in index order",
    },
    {
        "name": "single arm",
        "kind": "hidden",
        "args": (np.array([[1], [0], [1], [1], [0]]), 1.0),
        "expected": ([0, 0, 0, 0, 0], 3),
        "note": "K = 1: always arm 0",
    },
    {
        "name": "no rewards at all",
        "kind": "hidden",
        "args": (np.zeros((40, 4), dtype=np.int64), 1.0),
        "note": "all sums 0: the least-pulled arm wins, exact ties go to the lowest index",
    },
    {
        "name": "equal fractions, c = 0",
        "kind": "hidden",
        "args": (_FRACTION_TIE, 0.0),
        "note": "equal fractions: a tie a running-average mean breaks by rounding (not bit-equal)",
    },
    {
        "name": "same sums, different reward order",
        "kind": "hidden",
        "args": (_ORDER_TIE, 0.5),
        "note": "c > 0: equal (sum, count) reached in different orders must tie exactly (lowest index)",
    },
    {
        "name": "equal arms",
        "kind": "hidden",
        "args": _seeded(191, 400, [0.3, 0.3, 0.3], 0.5),
        "note": "three arms with the same success rate: frequent exact ties over 400 rounds",
    },
    {
        "name": "a clearly best arm",
        "kind": "hidden",
        "args": _seeded(192, 2000, [0.2, 0.5, 0.8, 0.4], 1.0),
        "note": "exploration fades and arm 2 dominates",
    },
    {
        "name": "large exploration constant",
        "kind": "hidden",
        "args": _seeded(193, 500, [0.9, 0.1, 0.5], 2.0),
        "note": "c = 2: a constant applied inside the square root gives another schedule",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _seeded(194, 20_000, np.linspace(0.3, 0.6, 20), 1.0),
        "note": "T = 20,000 rounds, K = 20 arms",
    },
]
