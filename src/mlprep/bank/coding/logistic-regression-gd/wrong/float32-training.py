"""Trains in float32: about seven significant digits, not enough for rtol = 1e-6 after hundreds of steps."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def logistic_regression_gd(X, y, learning_rate, iterations):
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    n, d = X.shape
    w = np.zeros(d, dtype=np.float32)
    b = np.float32(0.0)
    for _ in range(int(iterations)):
        r = _sigmoid(X @ w + b) - y
        gw = X.T @ r / n
        gb = r.mean()
        w = w - learning_rate * gw
        b = b - learning_rate * gb
    return w, float(b)
