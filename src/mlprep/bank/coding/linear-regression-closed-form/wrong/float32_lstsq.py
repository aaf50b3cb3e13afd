"""Solves in float32: two columns 1e-7 apart are not told apart."""

import numpy as np


def fit_linear_regression(X, y):
    X = np.asarray(X, dtype=np.float32)
    A = np.hstack([np.ones((X.shape[0], 1), dtype=np.float32), X])
    theta, *_ = np.linalg.lstsq(A, np.asarray(y, dtype=np.float32), rcond=None)
    return theta.astype(float)
