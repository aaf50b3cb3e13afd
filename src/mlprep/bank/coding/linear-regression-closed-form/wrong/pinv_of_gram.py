"""Applies the pseudo-inverse to A^T A: the condition number is squared and a small singular value is cut."""

import numpy as np


def fit_linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    A = np.hstack([np.ones((X.shape[0], 1)), X])
    return np.linalg.pinv(A.T @ A) @ A.T @ np.asarray(y, dtype=float)
