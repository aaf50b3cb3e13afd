"""Sorts the pairs by distance alone with an unstable sort: equal distances come in no defined order."""

import numpy as np


def single_linkage(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    if n > 1:
        I, J = np.triu_indices(n, 1)
        D = np.sqrt(((X[I] - X[J]) ** 2).sum(1))
        order = np.argsort(D)
        comps = n
        for e in order:
            if comps == k:
                break
            a, b = find(int(I[e])), find(int(J[e]))
            if a != b:
                parent[a] = b
                comps -= 1
    out = []
    num = {}
    for i in range(n):
        r = find(i)
        if r not in num:
            num[r] = len(num)
        out.append(num[r])
    return out
