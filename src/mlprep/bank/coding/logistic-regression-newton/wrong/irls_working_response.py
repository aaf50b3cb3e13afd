"""Solves the textbook IRLS form w = H^-1 X^T S z with the working response z = Xw + (y - p) / (p (1 - p)): equal in exact arithmetic, but once a score passes about 37, p rounds to 1 and z is 0 / 0 = NaN."""

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
        s = p * (1.0 - p)
        z = X @ w + (y - p) / s
        H = (X * s[:, None]).T @ X + lam * np.eye(d)
        w = np.linalg.solve(H, X.T @ (s * z))
    return w
