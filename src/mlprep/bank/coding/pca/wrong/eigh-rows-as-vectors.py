"""Takes the rows of eigh's eigenvector matrix as the eigenvectors (they are its columns)."""

import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    n, m = X.shape
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(C)
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[order, :].T
    total = vals.sum()
    k = n_components
    if total <= 0:
        return np.zeros((n, k)), np.zeros(k)
    V = vecs[:, :k].copy()
    for i in range(k):
        j = np.argmax(np.abs(V[:, i]))
        if V[j, i] < 0:
            V[:, i] = -V[:, i]
    return Xc @ V, vals[:k] / total
