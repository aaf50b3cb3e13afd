"""Treats a column as constant when sigma < 1e-8, so a real column with a tiny spread becomes zeros."""

import numpy as np


def standardize(X):
    A = np.array(X, dtype=np.float64)
    if A.ndim != 2:
        A = A.reshape(len(A), -1) if A.size else A.reshape(0, max(1, A.shape[-1] if A.ndim else 1))
    if A.shape[0] == 0:
        return np.zeros(A.shape)
    mu = A.mean(axis=0)
    sd = A.std(axis=0)
    safe = np.where(sd < 1e-8, 1.0, sd)
    Z = (A - mu) / safe
    Z[:, sd < 1e-8] = 0.0
    return Z
