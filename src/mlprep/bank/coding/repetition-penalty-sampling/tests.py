"""Tests for one decoding step with a repetition penalty. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _cdf(row, seen, temperature, penalty):
    z = np.array(row, dtype=float)
    toks = np.unique(np.asarray(seen, dtype=np.int64))
    if toks.size:
        v = z[toks]
        z[toks] = np.where(v > 0, v / penalty, v * penalty)
    s = z / temperature
    p = np.exp(s - s.max())
    return np.cumsum(p / p.sum())


def _draw(rng, cdf):
    """A uniform at least 1e-9 away from every cumulative sum (resampled until it is)."""
    for _ in range(1000):
        kind = rng.random()
        if kind < 0.1:
            u = float(rng.choice([1e-6, 1 - 1e-6]))
        elif kind < 0.3 and len(cdf) > 1:
            j = int(rng.integers(len(cdf) - 1))
            u = float(cdf[j] + rng.choice([-2e-9, 2e-9]))  # just below or above a boundary
        else:
            u = float(rng.random())
        if 0.0 <= u < 1.0 and np.min(np.abs(cdf - u)) >= 1e-9 * 1.5:
            return u
    raise AssertionError("no uniform with the promised gap")


def generate(rng, size):
    """B = size sequences; logits with exact ties (multiples of 0.5) or near-ties (1e-12),
    values at +-100; seen lists empty, short or 2,000 long with repeats; T from 0 to 10."""
    b = int(size)
    v = 50_000 if b >= 64 else int(rng.integers(1, 41))
    scale = float(rng.choice([0.5, 3.0, 30.0]))
    z = np.clip(rng.normal(0, scale, size=(b, v)), -100, 100)
    if rng.random() < 0.3:
        z = np.round(z * 2) / 2  # exact ties
    if v > 1:
        for i in range(b):
            if rng.random() < 0.3:
                top = int(np.argmax(z[i]))
                other = int(rng.integers(v))
                if other != top and abs(z[i, top]) < 99:
                    z[i, other] = z[i, top] + float(rng.choice([-1e-12, 1e-12])) * max(1.0, abs(z[i, top]))
        z[rng.random((b, v)) < 0.01] = float(rng.choice([-100.0, 100.0]))
    max_len = 2000 if b >= 64 else 3 * v
    generated = [
        [int(t) for t in rng.integers(0, v, size=int(rng.integers(0, max_len + 1)))] for _ in range(b)
    ]
    temperature = float(rng.choice([0.0, 0.01, 0.7, 1.0, 10.0, float(rng.uniform(0.01, 2))]))
    penalty = float(rng.choice([1.0, 1.2, 2.0, 10.0]))
    if temperature == 0:
        uniforms = rng.random(b)
    else:
        uniforms = np.array([_draw(rng, _cdf(z[i], generated[i], temperature, penalty)) for i in range(b)])
    return (z, generated, temperature, penalty, uniforms)


_Z = np.array([[2.0, 1.0, -1.0, 0.5], [0.0, 3.0, 3.0, -2.0]])
_SEEN = [[0, 0, 3], [1]]
_U = np.array([0.6, 0.3])


def _big():
    rng = np.random.default_rng(50_000)
    z = np.clip(rng.normal(0, 4, size=(64, 50_000)), -100, 100)
    generated = [[int(t) for t in rng.integers(0, 50_000, size=2000)] for _ in range(64)]
    uniforms = np.array([_draw(rng, _cdf(z[i], generated[i], 0.8, 1.3)) for i in range(64)])
    return (z, generated, 0.8, 1.3, uniforms)


CASES = [
    {
        "name": "prompt example, greedy with penalty",
        "kind": "visible",
        "args": (_Z, _SEEN, 0.0, 1.5, _U),
        "note": "the example from the prompt: the penalty breaks the tie in row 2",
    },
    {
        "name": "prompt example, greedy without penalty",
        "kind": "visible",
        "args": (_Z, _SEEN, 0.0, 1.0, _U),
        "note": "an exact tie goes to the lower id",
    },
    {
        "name": "prompt example, sampling",
        "kind": "visible",
        "args": (_Z, _SEEN, 0.7, 1.5, _U),
        "note": "inverse-CDF sampling at T = 0.7",
    },
    {
        "name": "no sequences",
        "kind": "hidden",
        "args": (np.zeros((0, 5)), [], 0.7, 1.2, np.zeros(0)),
        "expected": [],
        "note": "B = 0: an empty list",
    },
    {
        "name": "vocabulary of one",
        "kind": "hidden",
        "args": (np.array([[-3.0], [5.0]]), [[0, 0], []], 1.0, 2.0, np.array([0.999, 0.001])),
        "expected": [0, 0],
        "note": "V = 1: the only token, whatever the draw",
    },
    {
        "name": "nothing seen yet",
        "kind": "hidden",
        "args": (np.array([[0.5, 1.5, 1.0]]), [[]], 0.0, 5.0, np.array([0.5])),
        "expected": [1],
        "note": "an empty generated list: no penalty",
    },
    {
        "name": "negative logits seen",
        "kind": "hidden",
        "args": (np.array([[-0.5, -2.0, -0.6, -3.0]]), [[0, 3]], 0.0, 1.5, np.array([0.5])),
        "expected": [2],
        "note": "all logits negative: the seen token 0 must drop to -0.75 (dividing would raise it to -0.33)",
    },
    {
        "name": "token seen many times",
        "kind": "hidden",
        "args": (np.array([[3.0, 2.0, 0.0]]), [[0, 0, 0, 0]], 0.0, 1.4, np.array([0.5])),
        "expected": [0],
        "note": "penalised once: 3 / 1.4 = 2.14 still leads; per occurrence 3 / 1.4^4 = 0.78 would not",
    },
    {
        "name": "logit exactly zero seen",
        "kind": "hidden",
        "args": (np.array([[0.0, -0.1, -5.0]]), [[0, 2]], 0.0, 3.0, np.array([0.5])),
        "expected": [0],
        "note": "z = 0 stays 0 under either branch, and still beats -0.1",
    },
    {
        "name": "near-tie 1e-12",
        "kind": "hidden",
        "args": (np.array([[1.0, 2.0, 2.0 + 2e-12, 0.5], [2.0 + 2e-12, 2.0, 1.0, 0.0]]), [[], []], 0.0, 1.0, np.zeros(2)),
        "expected": [2, 0],
        "note": "values 2e-12 apart are not tied: the larger wins even at the higher id",
    },
    {
        "name": "ties after the penalty",
        "kind": "hidden",
        "args": (np.array([[4.0, 2.0, 2.0, 1.0]]), [[0, 0]], 0.0, 2.0, np.array([0.5])),
        "expected": [0],
        "note": "4 / 2 = 2 ties tokens 1 and 2 exactly: the lowest id, 0, wins",
    },
    {
        "name": "cold temperature, large logits",
        "kind": "hidden",
        "args": (
            np.array([[100.0, 99.0, -100.0, 100.0], [-100.0, 60.0, 60.0 - 1e-3, 0.0]]),
            [[3], []],
            0.01,
            1.0 + 1e-4,
            np.array([0.42, 0.8]),
        ),
        "note": "z / T reaches 1e4: exp overflows without the max shift",
    },
    {
        "name": "hot temperature",
        "kind": "hidden",
        "args": (np.array([[2.0, 0.0, -2.0, 1.0, 0.5]]), [[1]], 10.0, 1.5, np.array([0.7])),
        "note": "T = 10 flattens the distribution",
    },
    {
        "name": "token-id order, not sorted by probability",
        "kind": "hidden",
        "args": (_Z, _SEEN, 0.7, 1.5, np.array([0.87, 0.5])),
        "expected": [2, 2],
        "note": "cumulative sums in id order pick token 2 at u = 0.87; sorting by probability would pick 3",
    },
    {
        "name": "zero-probability token before the pick",
        "kind": "hidden",
        "args": (np.array([[-100.0, 100.0, 99.5]]), [[]], 0.05, 1.0, np.array([1e-6])),
        "expected": [1],
        "note": "token 0 has probability 0 (exp underflows): it can never be sampled, even for a tiny draw",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _big(),
        "note": "B = 64, V = 50,000, 2,000 seen tokens per sequence with repeats",
    },
]
