"""Forgets the intercept altogether: no centring and b returned as 0."""

import numpy as np


def ridge_regression(X, y, alpha):
    features = np.asarray(X, dtype=float)
    targets = np.asarray(y, dtype=float).ravel()
    features = features.reshape(features.shape[0], -1)
    gram = features.T @ features + alpha * np.eye(features.shape[1])
    return np.linalg.solve(gram, features.T @ targets), 0.0
