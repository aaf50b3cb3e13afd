"""Flips each eigenvector so that its entries sum to a positive number instead of making its largest-magnitude entry positive."""

import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    n, m = X.shape
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(C)
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[:, order]
    total = vals.sum()
    k = n_components
    if total <= 0:
        return np.zeros((n, k)), np.zeros(k)
    V = vecs[:, :k].copy()
    for i in range(k):
        if V[:, i].sum() < 0:
            V[:, i] = -V[:, i]
    return Xc @ V, vals[:k] / total
