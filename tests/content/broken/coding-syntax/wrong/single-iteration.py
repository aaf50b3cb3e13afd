"""Stops after the first assignment step instead of iterating to convergence."""
import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    points = np.asarray(data_points, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    if len(points) == 0:
        return []
    points = points.reshape(len(points), -1)
    dist = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return [int(c) for c in dist.argmin(axis=1)]
