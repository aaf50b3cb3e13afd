"""Marks a non-core point as noise when the scan passes it and never relabels it, so a border point met before its cluster stays -1."""

from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0] if X.ndim == 2 else len(X)
    if n == 0:
        return []
    X = X.reshape(n, -1)
    diff = X[:, None, :] - X[None, :, :]
    dist = np.sqrt((diff ** 2).sum(axis=2))
    nbrs = [np.flatnonzero(dist[i] <= eps) for i in range(n)]
    core = [len(nb) >= min_samples for nb in nbrs]
    labels = [None] * n
    cid = 0
    for i in range(n):
        if labels[i] is not None:
            continue
        if not core[i]:
            labels[i] = -1
            continue
        labels[i] = cid
        q = deque([i])
        while q:
            p = q.popleft()
            for j in nbrs[p]:
                j = int(j)
                if labels[j] is None:
                    labels[j] = cid
                    if core[j]:
                        q.append(j)
        cid += 1
    return labels
