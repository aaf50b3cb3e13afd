"""Returns a list of NumPy int64 labels instead of Python ints."""

import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    X = np.array(data_points, dtype=float).reshape(len(data_points), -1) if len(data_points) else np.zeros((0, 1))
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
    return list(labels)
