"""Updates w first and computes the bias gradient at the new w (sequential, not simultaneous, updates)."""

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
    for _ in range(int(iterations)):
        r = _sigmoid(X @ w + b) - y
        gw = X.T @ r / n
        w = w - learning_rate * gw
        gb = (_sigmoid(X @ w + b) - y).mean()
        b = b - learning_rate * gb
    return w, float(b)
