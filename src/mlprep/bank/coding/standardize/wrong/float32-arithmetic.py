"""Standardizes in float32: errors near 1e-6 miss rtol = 1e-7."""

import numpy as np


def standardize(X):
    A = np.array(X, dtype=np.float32)
    if A.ndim != 2:
        A = A.reshape(len(A), -1) if A.size else A.reshape(0, max(1, A.shape[-1] if A.ndim else 1))
    if A.shape[0] == 0:
        return np.zeros(A.shape)
    mu = A.mean(axis=0)
    sd = A.std(axis=0)
    safe = np.where(sd == 0, 1.0, sd)
    Z = (A - mu) / safe
    Z[:, sd == 0] = 0.0
    return Z
