"""Does not count the point itself in its neighbourhood, so fewer points are core."""
from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    points = np.asarray(X, dtype=float)
    n = len(points)
    if n == 0:
        return []
    points = points.reshape(n, -1)
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    neighbours = [
        [q for q in np.flatnonzero(row <= eps) if q != p] for p, row in enumerate(distances)
    ]
    is_core = [len(nb) >= min_samples for nb in neighbours]
    labels = [-1] * n
    cluster = 0
    for start in range(n):
        if not is_core[start] or labels[start] != -1:
            continue
        labels[start] = cluster
        queue = deque([start])
        while queue:
            p = queue.popleft()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    if is_core[q]:
                        queue.append(q)
        cluster += 1
    return labels
