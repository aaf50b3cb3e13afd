"""Returns the labels as NumPy int64 values (list(np.array(labels))), not the Python ints the prompt asks for."""

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
    labels = [-1] * n
    cid = 0
    for i in range(n):
        if not core[i] or labels[i] != -1:
            continue
        labels[i] = cid
        q = deque([i])
        while q:
            p = q.popleft()
            for j in nbrs[p]:
                j = int(j)
                if labels[j] == -1:
                    labels[j] = cid
                    if core[j]:
                        q.append(j)
        cid += 1
    return list(np.array(labels))
