"""Links core points with union-find whose roots are the highest index, then numbers clusters by root index: ids do not follow each cluster's lowest core point."""

import math


def dbscan(X, eps, min_samples):
    pts = [[float(v) for v in row] for row in X]
    n = len(pts)
    def d(a, b):
        return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))
    nb = [[j for j in range(n) if d(pts[i], pts[j]) <= eps] for i in range(n)]
    core = [len(x) >= min_samples for x in nb]
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i in range(n):
        if core[i]:
            for j in nb[i]:
                if core[j]:
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[ri] = rj
    # cluster id by lowest-indexed core point (the root is the minimum index)
    ids = {}
    labels = [-1] * n
    roots = sorted({find(i) for i in range(n) if core[i]})
    ids = {r: k for k, r in enumerate(roots)}
    for i in range(n):
        if core[i]:
            labels[i] = ids[find(i)]
    for i in range(n):
        if not core[i]:
            cands = [labels[j] for j in nb[i] if core[j]]
            if cands:
                labels[i] = min(cands)
    return labels
