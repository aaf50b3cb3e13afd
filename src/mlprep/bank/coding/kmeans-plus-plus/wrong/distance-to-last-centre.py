"""Uses the distance to the most recently chosen centre instead of the nearest chosen centre."""
import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    points = np.asarray(X, dtype=float).reshape(len(X), -1)
    chosen = [int(first_index)]
    for s in range(1, k):
        weights = ((points - points[chosen[-1]]) ** 2).sum(axis=1)
        weights[chosen] = 0.0
        total = weights.sum()
        if total == 0:
            nxt = next(i for i in range(len(points)) if i not in chosen)
        else:
            nxt = int(np.searchsorted(np.cumsum(weights), draws[s - 1] * total, side="right"))
            nxt = min(nxt, len(points) - 1)
        chosen.append(nxt)
    return chosen
