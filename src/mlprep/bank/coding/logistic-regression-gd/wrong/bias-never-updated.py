"""Computes the bias gradient but never applies it, so b stays at 0."""

import numpy as np


def logistic_regression_gd(X, y, learning_rate, iterations):
    features = np.asarray(X, dtype=float)
    labels = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    features = features.reshape(n, -1)
    weights = np.zeros(features.shape[1])
    bias = 0.0
    for _ in range(int(iterations)):
        error = np.exp(-np.logaddexp(0.0, -(features @ weights + bias))) - labels
        weights = weights - learning_rate * features.T @ error / n
    return weights, float(bias)
