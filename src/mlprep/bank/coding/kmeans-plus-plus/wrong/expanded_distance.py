"""Computes D^2 as |x|^2 - 2 x.c + |c|^2, which leaves about 1e-13 instead of 0 for chosen points and their copies."""

import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    chosen = [int(first_index)]
    sq = (X * X).sum(axis=1)

    def dist2(c):
        return np.maximum(sq - 2.0 * X @ X[c] + sq[c], 0.0)

    closest = dist2(first_index)
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
        closest = np.minimum(closest, dist2(j))
    return chosen
