"""Updates w first and then computes the bias gradient with the new w."""

import numpy as np


def linear_regression_gd(X, y, learning_rate, iterations):
    features = np.asarray(X, dtype=float)
    targets = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    features = features.reshape(n, -1)
    weights = np.zeros(features.shape[1])
    bias = 0.0
    for _ in range(int(iterations)):
        residual = features @ weights + bias - targets
        weights = weights - learning_rate * 2.0 / n * (features.T @ residual)
        residual = features @ weights + bias - targets
        bias = bias - learning_rate * 2.0 / n * residual.sum()
    return weights, float(bias)
