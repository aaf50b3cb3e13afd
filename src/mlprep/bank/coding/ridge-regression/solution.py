import numpy as np


def ridge_regression(X, y, alpha):
    features = np.asarray(X, dtype=float)
    targets = np.asarray(y, dtype=float).ravel()
    features = features.reshape(features.shape[0], -1)
    x_mean = features.mean(axis=0)
    y_mean = targets.mean()
    centred = features - x_mean
    gram = centred.T @ centred + alpha * np.eye(features.shape[1])
    weights = np.linalg.solve(gram, centred.T @ (targets - y_mean))
    return weights, float(y_mean - x_mean @ weights)
