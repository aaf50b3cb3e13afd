"""Converts the points to float32, which cannot resolve small spreads far from the origin."""

import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    X = np.asarray(X, dtype=np.float32)
    n = X.shape[0]
    chosen = [int(first_index)]
    closest = ((X - X[first_index]) ** 2).sum(axis=1)
    for s in range(1, k):
        running = np.cumsum(closest)
        total = running[-1]
        if total == 0:
            taken = set(chosen)
            j = next(i for i in range(n) if i not in taken)
        else:
            t = draws[s - 1] * total
            j = int(np.searchsorted(running, t, side="right"))
            if j >= n:
                j = n - 1
        chosen.append(int(j))
        closest = np.minimum(closest, ((X - X[j]) ** 2).sum(axis=1))
    return chosen
