"""Expands through border points too, chaining in points that are not density-reachable."""
from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    points = np.asarray(X, dtype=float)
    n = len(points)
    if n == 0:
        return []
    points = points.reshape(n, -1)
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    neighbours = [np.flatnonzero(row <= eps) for row in distances]
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
                    queue.append(q)
        cluster += 1
    return labels
