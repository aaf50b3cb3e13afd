import numpy as np


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def logistic_regression_gd(X, y, learning_rate, iterations):
    features = np.asarray(X, dtype=float)
    labels = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    features = features.reshape(n, -1)
    weights = np.zeros(features.shape[1])
    bias = 0.0
    for _ in range(int(iterations)):
        error = _sigmoid(features @ weights + bias) - labels
        grad_w = features.T @ error / n
        grad_b = error.mean()
        weights = weights - learning_rate * grad_w
        bias = bias - learning_rate * grad_b
    return weights, float(bias)
