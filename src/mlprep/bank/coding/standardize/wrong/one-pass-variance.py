"""Computes the variance in one pass as mean(x^2) - mean(x)^2, which cancels for a column far from zero with a small spread."""

import numpy as np


def standardize(X):
    A = np.array(X, dtype=np.float64)
    if A.ndim != 2:
        A = A.reshape(len(A), -1) if A.size else A.reshape(0, max(1, A.shape[-1] if A.ndim else 1))
    if A.shape[0] == 0:
        return np.zeros(A.shape)
    mu = A.mean(axis=0)
    sd = np.sqrt(np.maximum((A * A).mean(axis=0) - mu * mu, 0.0))
    safe = np.where(sd == 0, 1.0, sd)
    Z = (A - mu) / safe
    Z[:, sd == 0] = 0.0
    return Z
