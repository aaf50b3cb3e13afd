"""Runs one step too many (range(iterations + 1))."""

import numpy as np


def linear_regression_gd(X, y, learning_rate, iterations):
    features = np.asarray(X, dtype=float)
    targets = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    features = features.reshape(n, -1)
    weights = np.zeros(features.shape[1])
    bias = 0.0
    for _ in range(int(iterations) + 1):
        residual = features @ weights + bias - targets
        grad_w = 2.0 / n * (features.T @ residual)
        grad_b = 2.0 / n * residual.sum()
        weights = weights - learning_rate * grad_w
        bias = bias - learning_rate * grad_b
    return weights, float(bias)
