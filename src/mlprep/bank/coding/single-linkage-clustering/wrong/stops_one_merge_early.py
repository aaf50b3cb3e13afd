"""Stops at k + 1 clusters (an off-by-one in the stopping test)."""

import numpy as np


def single_linkage(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    # all pairs i < j with distances from coordinate differences
    i, j = np.triu_indices(n, k=1)
    dist = np.sqrt(((X[i] - X[j]) ** 2).sum(axis=1))
    order = np.lexsort((j, i, dist))  # by distance, then i, then j
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    clusters = n
    for e in order:
        if clusters <= k + 1:
            break
        ra, rb = find(int(i[e])), find(int(j[e]))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            clusters -= 1
    # number the clusters in order of first appearance
    names = {}
    return [names.setdefault(find(p), len(names)) for p in range(n)]
