"""Has no rule for T = 0: argmax of D^2 re-picks index 0 when all points coincide."""
import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    points = np.asarray(X, dtype=float).reshape(len(X), -1)
    chosen = [int(first_index)]
    closest = ((points - points[first_index]) ** 2).sum(axis=1)
    for s in range(1, k):
        total = closest.sum()
        if total == 0:
            nxt = int(np.argmax(closest))
        else:
            nxt = int(np.searchsorted(np.cumsum(closest), draws[s - 1] * total, side="right"))
            nxt = min(nxt, len(points) - 1)
        chosen.append(nxt)
        closest = np.minimum(closest, ((points - points[nxt]) ** 2).sum(axis=1))
    return chosen
