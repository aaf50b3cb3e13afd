"""Takes the last index when t passes every running sum; T summed pairwise can exceed the last running sum, and the last point may be a copy of a chosen centre (D^2 = 0)."""

import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    points = np.asarray(X, dtype=float).reshape(len(X), -1)
    chosen = [int(first_index)]
    closest = ((points - points[first_index]) ** 2).sum(axis=1)
    for s in range(1, k):
        total = closest.sum()
        if total == 0:
            taken = set(chosen)
            nxt = next(i for i in range(len(points)) if i not in taken)
        else:
            running = np.cumsum(closest)
            target = draws[s - 1] * total
            nxt = int(np.searchsorted(running, target, side="right"))
            nxt = min(nxt, len(points) - 1)
        chosen.append(nxt)
        closest = np.minimum(closest, ((points - points[nxt]) ** 2).sum(axis=1))
    return chosen
