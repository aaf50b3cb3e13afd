"""Tests for Gaussian-mixture EM steps. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _reference_is_tame(args):
    """True when every N_k >= 1 and every covariance eigenvalue >= 0.01 (the prompt's promise)."""
    X, w, mu, sigma, reg, n_iter = args
    X = np.asarray(X, dtype=float)
    w, mu, sigma = np.array(w, float), np.array(mu, float), np.array(sigma, float)
    n, d = X.shape
    for _ in range(n_iter):
        try:
            logs = []
            for j in range(len(w)):
                chol = np.linalg.cholesky(sigma[j])
                z = np.linalg.solve(chol, (X - mu[j]).T)
                logs.append(np.log(w[j]) - np.sum(np.log(np.diag(chol))) - 0.5 * np.sum(z * z, 0))
        except np.linalg.LinAlgError:
            return False
        log_p = np.column_stack(logs)
        resp = np.exp(log_p - log_p.max(1, keepdims=True))
        resp /= resp.sum(1, keepdims=True)
        nk = resp.sum(0)
        if nk.min() < 1 or not np.all(np.isfinite(resp)):
            return False
        w, mu = nk / n, resp.T @ X / nk[:, None]
        for j in range(len(w)):
            diff = X - mu[j]
            sigma[j] = (resp[:, j, None] * diff).T @ diff / nk[j] + reg * np.eye(d)
        if min(np.linalg.eigvalsh(s).min() for s in sigma) < 1e-2:
            return False
    return True


def _draw(rng, size):
    n = max(2, int(size))
    d = int(rng.integers(1, 5))
    k = int(rng.integers(1, 6))
    centres = rng.normal(0, float(rng.choice([1.0, 4.0, 20.0])), size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0, 1.0, size=(n, d))
    if rng.random() < 0.3:
        X[int(rng.integers(n))] += 1e3 * rng.choice([-1.0, 1.0], size=d)  # far from everything
    if rng.random() < 0.2:
        X = np.round(X).astype(np.int64)  # integer data
    starts = rng.choice(n, size=k, replace=n < k)
    means = np.asarray(X, dtype=float)[starts] + rng.normal(0, 0.1, size=(k, d))
    base = np.cov(np.asarray(X, dtype=float).T).reshape(d, d) + np.eye(d)
    covs = np.stack([base * float(rng.uniform(0.5, 2.0)) for _ in range(k)])
    weights = rng.dirichlet(np.full(k, 3.0)) if rng.random() < 0.5 else np.full(k, 1.0 / k)
    reg = float(rng.choice([0.0, 1e-6, 1e-3, 0.1]))
    return (X, weights, means, covs, reg, int(rng.integers(0, 26)))


def generate(rng, size):
    """size points from 1-5 clusters in 1-4 dimensions; sometimes a far outlier or int data.

    Draws again until every component keeps N_k >= 1 (the prompt's promise).
    """
    while True:
        args = _draw(rng, size)
        if _reference_is_tame(args):
            return args


_X = np.array([[0.0], [0.5], [1.0], [4.0], [4.5], [5.5]])
_W = np.array([0.5, 0.5])
_M = np.array([[1.0], [4.0]])
_C = np.array([[[1.0]], [[1.0]]])


def _case(seed, n, d, k, n_iter, reg=1e-6):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 5, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(size=(n, d))
    means = X[rng.choice(n, size=k, replace=False)]
    covs = np.stack([np.cov(X.T).reshape(d, d) + np.eye(d)] * k)
    args = (X, rng.dirichlet(np.full(k, 3.0)), means, covs, reg, n_iter)
    assert _reference_is_tame(args)
    return args


_FAR = (
    np.array([[0.0, 0.0], [1.0, 0.5], [0.5, 1.0], [8.0, 8.0], [9.0, 8.5], [5000.0, -5000.0]]),
    np.array([0.5, 0.5]),
    np.array([[0.5, 0.5], [8.5, 8.0]]),
    np.array([np.eye(2), np.eye(2)]),
    1e-3,
    4,
)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _W, _M, _C, 0.0, 1),
        "note": "the example from the prompt: one step in one dimension",
    },
    {
        "name": "prompt example, no steps",
        "kind": "visible",
        "args": (_X, _W, _M, _C, 0.0, 0),
        "note": "n_iter = 0: the starting parameters and an empty list",
    },
    {
        "name": "a point far from every component",
        "kind": "hidden",
        "args": _FAR,
        "note": (
            "the last point is 7000 away: every density underflows to 0 in float64, so "
            "responsibilities need log-sum-exp"
        ),
    },
    {
        "name": "covariance around the new mean",
        "kind": "hidden",
        "args": (_X, np.array([0.3, 0.7]), np.array([[-2.0], [9.0]]), _C * 2.0, 0.0, 1),
        "note": "starting means far from the data: the old means give other covariances",
    },
    {
        "name": "regularised diagonal",
        "kind": "hidden",
        "args": (_X, _W, _M, _C, 0.25, 3),
        "note": "reg = 0.25 is added to every new covariance's diagonal",
    },
    {
        "name": "one component",
        "kind": "hidden",
        "args": (_X, np.array([1.0]), np.array([[0.0]]), np.array([[[4.0]]]), 0.0, 2),
        "note": "K = 1: one step gives the sample mean and the biased sample variance",
    },
    {
        "name": "integer data, correlated covariances",
        "kind": "hidden",
        "args": (
            np.array([[0, 1], [1, 2], [2, 2], [3, 5], [7, 1], [8, 2], [9, 0], [8, 0]]),
            np.array([0.6, 0.4]),
            np.array([[1.0, 2.0], [8.0, 1.0]]),
            np.array([[[2.0, 0.8], [0.8, 1.0]], [[1.0, -0.3], [-0.3, 2.0]]]),
            1e-6,
            6,
        ),
        "note": "int64 X and off-diagonal covariances",
    },
    {
        "name": "three components in three dimensions",
        "kind": "hidden",
        "args": _case(31, 120, 3, 3, 15),
        "note": "full covariances, unequal starting weights",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _case(1000, 1000, 4, 5, 25),
        "note": "n = 1000, d = 4, K = 5, 25 steps",
    },
]
