"""Merges on a cluster distance matrix with min updates; argmin breaks ties by cluster ids, not by the point pair (i, j)."""

import numpy as np


def single_linkage(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(dist, np.inf)
    alive = np.ones(n, dtype=bool)
    owner = np.arange(
        n
    )  # cluster row of each point; a cluster lives in the row of its smallest point
    for _ in range(n - k):
        masked = np.where(alive[:, None] & alive[None, :], dist, np.inf)
        a, b = divmod(int(np.argmin(masked)), n)
        a, b = min(a, b), max(a, b)
        dist[a, :] = np.minimum(dist[a, :], dist[b, :])
        dist[:, a] = dist[a, :]
        dist[a, a] = np.inf
        alive[b] = False
        owner[owner == b] = a
    names = {}
    return [names.setdefault(int(owner[p]), len(names)) for p in range(n)]
