"""Picks the first running sum >= target (searchsorted side=left): a draw of 0 re-picks a centre."""
import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    points = np.asarray(X, dtype=float).reshape(len(X), -1)
    chosen = [int(first_index)]
    closest = ((points - points[first_index]) ** 2).sum(axis=1)
    for s in range(1, k):
        total = closest.sum()
        if total == 0:
            nxt = next(i for i in range(len(points)) if i not in chosen)
        else:
            nxt = int(np.searchsorted(np.cumsum(closest), draws[s - 1] * total))
        chosen.append(nxt)
        closest = np.minimum(closest, ((points - points[nxt]) ** 2).sum(axis=1))
    return chosen
