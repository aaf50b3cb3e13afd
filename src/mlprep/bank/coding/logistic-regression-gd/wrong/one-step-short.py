"""Runs iterations - 1 steps (an off-by-one in the loop bound)."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def logistic_regression_gd(X, y, learning_rate, iterations):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(max(int(iterations) - 1, 0)):
        r = _sigmoid(X @ w + b) - y
        gw = X.T @ r / n
        gb = r.mean()
        w = w - learning_rate * gw
        b = b - learning_rate * gb
    return w, float(b)
