"""Uses np.linalg.pinv with its default cut-off (1e-15 of the largest singular value): a constant column's leftover singular value, about 1e-15, is kept and the coefficients blow up."""

import numpy as np


def fit_linear_regression(X, y):
    A = np.c_[np.ones(len(X)), np.asarray(X, dtype=float)]
    return np.linalg.pinv(A) @ np.asarray(y, dtype=float)
