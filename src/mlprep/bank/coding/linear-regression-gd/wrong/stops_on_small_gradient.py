"""Stops as soon as the gradient norm falls below 1e-6 instead of running exactly T steps."""

import numpy as np


def linear_regression_gd(X, y, learning_rate, iterations):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(iterations):
        r = X @ w + b - y
        gw = 2.0 / n * (X.T @ r)
        gb = 2.0 / n * r.sum()
        if np.sqrt(gw @ gw + gb * gb) < 1e-6:
            break  # converged
        w = w - learning_rate * gw
        b = b - learning_rate * gb
    return w, float(b)
