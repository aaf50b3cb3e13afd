"""Builds the MST with Prim's algorithm and removes its k - 1 heaviest edges; with tied weights it may cut a different edge than the (distance, i, j) order."""

import numpy as np


def single_linkage(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    in_tree = np.zeros(n, dtype=bool)
    in_tree[0] = True
    best = dist[0].copy()
    link = np.zeros(n, dtype=int)
    edges = []
    for _ in range(n - 1):
        cand = np.where(in_tree, np.inf, best)
        v = int(np.argmin(cand))
        edges.append((best[v], int(link[v]), v))
        in_tree[v] = True
        closer = dist[v] < best
        best = np.where(closer, dist[v], best)
        link = np.where(closer, v, link)
    edges.sort(key=lambda e: e[0])
    keep = edges[: n - k]
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    for _, a, b in keep:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    names = {}
    return [names.setdefault(find(p), len(names)) for p in range(n)]
