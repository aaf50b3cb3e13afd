"""Tests for entropy, mutual information and KL divergence from logits. Trusted: never shown to the learner's sandbox."""

import numpy as np

NI = -np.inf


def _ensure_finite(a, rng):
    if np.all(a == NI):
        a.flat[int(rng.integers(a.size))] = 0.0
    return a


def generate(rng, size):
    """An m x n table with m = size; logits with spreads up to 1000 and offsets up to +-5000; -inf cells."""
    m = max(1, int(size))
    n = int(rng.integers(1, m + 1))
    spread = float(rng.choice([0.5, 3.0, 50.0, 1000.0]))
    offset = float(rng.choice([0.0, 5000.0, -5000.0]))
    L = rng.normal(0, spread, size=(m, n)) + offset
    R = rng.normal(0, 2.0, size=(m, n))
    L[rng.random((m, n)) < float(rng.choice([0.0, 0.2, 0.5]))] = NI
    if rng.random() < 0.3:
        L[int(rng.integers(m)), :] = NI  # an impossible value of X
    R[rng.random((m, n)) < float(rng.choice([0.0, 0.0, 0.05]))] = NI
    if rng.random() < 0.3:
        R = np.where(np.isfinite(L), R, NI)  # Q impossible exactly where P is: KL stays finite
    return (_ensure_finite(L, rng), _ensure_finite(R, rng))


_R = np.random.default_rng(241)
with np.errstate(divide="ignore"):
    _EX = np.log(np.array([[0.3, 0.1], [0.1, 0.5]]))
    _PERM = np.log(np.eye(4)[[2, 0, 3, 1]])

_BIG_L = _R.normal(0, 2.0, size=(500, 500)) + np.linspace(0, 3, 500)[:, None] + 4000.0
_BIG_L[_R.random((500, 500)) < 0.2] = NI
_BIG_R = _R.normal(0, 1.0, size=(500, 500))

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EX, np.zeros((2, 2))),
        "note": "the example from the prompt: a 2 x 2 joint against the uniform reference",
    },
    {
        "name": "prompt example, huge logits",
        "kind": "visible",
        "args": (np.array([[1000.0, 1000.0], [NI, 998.0]]), np.array([[0.0, NI], [0.0, 0.0]])),
        "note": "logits of 1000 overflow exp without the shift; Q has no mass on a cell P uses: KL = inf",
    },
    {
        "name": "single cell",
        "kind": "hidden",
        "args": (np.array([[3.7]]), np.array([[-2.0]])),
        "expected": {
            "entropy_x": 0.0,
            "entropy_y": 0.0,
            "joint_entropy": 0.0,
            "mutual_information": 0.0,
            "kl_divergence": 0.0,
        },
        "note": "1 x 1: a certain outcome, everything 0",
    },
    {
        "name": "integer logits",
        "kind": "hidden",
        "args": (np.array([[0, 1, 5], [3, 0, 2]]), np.array([[1, 1, 1], [0, 0, 0]])),
        "note": "int dtype input: shifting it in place as ints would truncate",
    },
    {
        "name": "independent variables",
        "kind": "hidden",
        "args": (np.add.outer(_R.normal(size=5), _R.normal(size=7)), _R.normal(size=(5, 7))),
        "note": "logits a_i + b_j: X and Y independent, mutual information 0 (up to rounding)",
    },
    {
        "name": "deterministic relation",
        "kind": "hidden",
        "args": (_PERM, np.zeros((4, 4))),
        "note": "Y a permutation of X: every entropy and the MI equal log 4; zero cells are -inf",
    },
    {
        "name": "possible but underflowing cell",
        "kind": "hidden",
        "args": (np.array([[0.0, -800.0], [0.0, 0.0]]), np.array([[0.0, NI], [0.0, 0.0]])),
        "note": "exp(-800) underflows to 0 but the cell is possible and Q excludes it: KL = inf, not finite",
    },
    {
        "name": "impossible in both",
        "kind": "hidden",
        "args": (np.array([[0.0, NI], [1.0, 2.0]]), np.array([[0.5, NI], [0.0, 0.0]])),
        "note": "P and Q both exclude a cell: it contributes 0 to KL (no NaN from -inf - -inf)",
    },
    {
        "name": "impossible row and column",
        "kind": "hidden",
        "args": (
            np.array([[NI, NI, NI], [0.0, NI, 2.0], [1.0, NI, -1.0]]),
            np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
        ),
        "note": "a value of X and a value of Y that never occur: marginals of 0, not NaN",
    },
    {
        "name": "asymmetric table",
        "kind": "hidden",
        "args": (_R.normal(0, 2, size=(3, 6)), _R.normal(0, 2, size=(3, 6))),
        "note": "3 x 6: swapping the marginal axes changes the entropies",
    },
    {
        "name": "far below zero",
        "kind": "hidden",
        "args": (_R.normal(0, 5, size=(4, 4)) - 9000.0, _R.normal(0, 5, size=(4, 4)) + 9000.0),
        "note": "logits near -9000 and +9000: exp underflows or overflows without the shift",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_L, _BIG_R),
        "note": "500 x 500 with logits around 4000 and a fifth of the cells impossible",
    },
]
