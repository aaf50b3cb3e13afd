"""Differentiates the penalty as 2 lam w in the gradient but keeps lam I in the Hessian: the steps no longer solve the stated objective."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def logistic_newton(X, y, lam, n_iter):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    d = X.shape[1]
    w = np.zeros(d)
    for _ in range(n_iter):
        p = _sigmoid(X @ w)
        g = X.T @ (p - y) + 2 * lam * w
        s = p * (1.0 - p)
        H = (X * s[:, None]).T @ X + lam * np.eye(d)
        w = w - np.linalg.solve(H, g)
    return w
