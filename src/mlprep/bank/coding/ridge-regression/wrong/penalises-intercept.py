"""Adds a ones column and penalises all d + 1 coefficients, shrinking the intercept too."""

import numpy as np


def ridge_regression(X, y, alpha):
    features = np.asarray(X, dtype=float)
    targets = np.asarray(y, dtype=float).ravel()
    n = features.shape[0]
    design = np.column_stack([np.ones(n), features.reshape(n, -1)])
    theta = np.linalg.solve(design.T @ design + alpha * np.eye(design.shape[1]), design.T @ targets)
    return theta[1:], float(theta[0])
