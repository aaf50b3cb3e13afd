"""Converts the points to float32: near 100,000 a coordinate 0.502 from a centroid reads as a tie at 0.5."""

import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    X = np.array(data_points, dtype=np.float32).reshape(len(data_points), -1) if len(data_points) else np.zeros((0, 1))
    n = X.shape[0]
    if n == 0:
        return []
    C = np.array(initial_centroids, dtype=float).reshape(k, -1).copy()
    labels = None
    for _ in range(300):
        d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
        new = d.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            mask = labels == j
            if mask.any():
                C[j] = X[mask].mean(axis=0)
    return [int(v) for v in labels]
