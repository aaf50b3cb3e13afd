"""Gives a point alone in its cluster a = 0 and so s = 1, instead of the stated 0."""

import numpy as np


def silhouette(X, labels):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    # distances from coordinate differences, one dimension at a time: exact zeros for duplicates
    sq = np.zeros((n, n))
    for j in range(X.shape[1]):
        diff = X[:, j, None] - X[None, :, j]
        sq += diff * diff
    dist = np.sqrt(sq)
    clusters, idx = np.unique(np.asarray(labels), return_inverse=True)
    idx = idx.reshape(-1)
    sizes = np.bincount(idx, minlength=len(clusters))
    if len(clusters) < 2:
        return np.zeros(n), 0.0
    # total distance from each point to each cluster: (n, L)
    totals = np.zeros((n, len(clusters)))
    for c in range(len(clusters)):
        totals[:, c] = dist[:, idx == c].sum(axis=1)
    rows = np.arange(n)
    own = sizes[idx]
    a = totals[rows, idx] / np.maximum(own - 1, 1)  # the point itself adds 0 to the total
    means = totals / sizes
    means[rows, idx] = np.inf
    b = means.min(axis=1)
    top = np.maximum(a, b)
    s = np.zeros(n)
    ok = top > 0
    s[ok] = (b[ok] - a[ok]) / top[ok]
    return s, float(s.mean())
