"""Uses Manhattan (L1) distance instead of Euclidean distance."""
import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    points = np.asarray(data_points, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    if len(points) == 0:
        return []
    points = points.reshape(len(points), -1)
    labels = None
    for _ in range(300):
        dist = np.abs(points[:, None, :] - centroids[None, :, :]).sum(axis=2)
        new = dist.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            members = points[labels == c]
            if len(members):
                centroids[c] = members.mean(axis=0)
    return [int(c) for c in labels]
