"""Adds the two class covariance matrices (each divided by its own n_c - 1) instead of
the scatter matrices."""

import numpy as np


def fisher_lda_direction(X, y):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    labels = np.asarray(y).ravel()
    class0 = data[labels == 0]
    class1 = data[labels == 1]
    within = np.atleast_2d(np.cov(class0, rowvar=False)) + np.atleast_2d(
        np.cov(class1, rowvar=False)
    )
    direction = np.linalg.solve(within, class1.mean(axis=0) - class0.mean(axis=0))
    return direction / np.linalg.norm(direction)
