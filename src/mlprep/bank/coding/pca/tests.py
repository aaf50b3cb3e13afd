"""Tests for PCA. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Correlated Gaussian data with well-separated variances and an offset mean."""
    n = max(size, 3)
    m = int(rng.integers(1, 6))
    scales = np.sort(rng.uniform(0.5, 5.0, size=m))[::-1] * np.linspace(1.0, 0.4, m)
    rotation, _ = np.linalg.qr(rng.normal(size=(m, m)))
    X = (rng.normal(size=(n, m)) * scales) @ rotation.T + rng.uniform(-10, 10, size=m)
    k = int(rng.integers(1, m + 1))
    if rng.random() < 0.3:
        return (X.tolist(), k)
    return (X, k)



def _leading_entry_against_sum():
    """60 rows in 3-D whose first component is about (0.77, -0.44, -0.47): its largest entry
    is positive but its entries sum to less than 0; eigenvalues about 20.2, 4.2 and 0.31."""
    rng = np.random.default_rng(11)
    v1 = np.array([0.7, -0.5, -0.5]) / np.linalg.norm([0.7, -0.5, -0.5])
    basis, _ = np.linalg.qr(np.column_stack([v1, rng.normal(size=3), rng.normal(size=3)]))
    basis[:, 0] *= np.sign(basis[0, 0])
    Z = rng.normal(size=(60, 3)) * np.array([5.0, 2.0, 0.7])
    return (np.round(Z @ basis.T + np.array([3.0, -1.0, 2.0]), 3), 3)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[2.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]], 1),
        "expected": (np.array([[2.0], [-2.0], [0.0], [0.0]]), np.array([0.8])),
        "note": "the example from the prompt",
    },
    {
        "name": "not centred, second axis dominant",
        "kind": "visible",
        "args": (np.array([[5.0, 10.0], [5.0, 4.0], [6.0, 7.0], [4.0, 7.0]]), 2),
        "expected": (
            np.array([[3.0, 0.0], [-3.0, 0.0], [0.0, 1.0], [0.0, -1.0]]),
            np.array([0.9, 0.1]),
        ),
        "note": "means (5, 7) must be removed; the first component is the second axis",
    },
    {
        "name": "negative-leaning component",
        "kind": "hidden",
        "args": ([[3.0, -6.0], [-3.0, 6.0], [1.0, 0.5], [-1.0, -0.5]], 1),
        "note": "the component is close to (1, -2)/sqrt(5): its largest entry is the second",
    },
    {
        "name": "all rows identical",
        "kind": "hidden",
        "args": ([[1.0, 2.0, 3.0]] * 4, 2),
        "expected": (np.zeros((4, 2)), np.zeros(2)),
        "note": "zero total variance: zeros, not NaN",
    },
    {
        "name": "one column",
        "kind": "hidden",
        "args": ([[1.0], [2.0], [4.0]], 1),
        "expected": (np.array([[-4 / 3], [-1 / 3], [5 / 3]]), np.array([1.0])),
        "note": "m = 1: the only component is +1",
    },
    {
        "name": "two rows",
        "kind": "hidden",
        "args": ([[0.0, 1.0, 3.0], [2.0, 1.0, 0.0]], 1),
        "note": "n = 2: a single non-zero eigenvalue",
    },
    {
        "name": "constant column",
        "kind": "hidden",
        "args": (np.column_stack([np.random.default_rng(6).normal(0, 3, 30), np.full(30, 4.0)]), 1),
        "note": "a constant column carries no variance",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (generate(np.random.default_rng(23), 2000)[0], 1),
        "note": "2,000 rows",
    },
    {
        "name": "total variance below 1",
        "kind": "hidden",
        "args": ([[0.0, 0.0], [0.1, 0.02], [0.2, 0.01], [0.3, 0.05]], 1),
        "note": "a total variance of 0.017: only exactly 0 means identical rows (kills a "
        "threshold such as total <= 1)",
    },
    {
        "name": "largest entry positive, sum negative",
        "kind": "hidden",
        "args": _leading_entry_against_sum(),
        "note": "3-D, every component: the first one's largest entry is positive but its "
        "entries sum below 0 (kills a sign rule by the sum), and the eigenvector matrix is "
        "not symmetric (kills reading eigh's rows as the eigenvectors)",
    },
]
