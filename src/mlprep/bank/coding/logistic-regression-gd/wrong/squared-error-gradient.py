"""Multiplies by sigma'(z) = p(1-p): the gradient of squared error, not of the log-loss."""

import numpy as np


def logistic_regression_gd(X, y, learning_rate, iterations):
    features = np.asarray(X, dtype=float)
    labels = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    features = features.reshape(n, -1)
    weights = np.zeros(features.shape[1])
    bias = 0.0
    for _ in range(int(iterations)):
        p = np.exp(-np.logaddexp(0.0, -(features @ weights + bias)))
        error = (p - labels) * p * (1 - p)
        weights = weights - learning_rate * features.T @ error / n
        bias = bias - learning_rate * error.mean()
    return weights, float(bias)
