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
            if nxt == len(points):  # t rounded past every running sum
                nxt = int(np.flatnonzero(closest)[-1])  # the last point with D^2 > 0
        chosen.append(nxt)
        closest = np.minimum(closest, ((points - points[nxt]) ** 2).sum(axis=1))
    return chosen
