"""Takes the mean of an empty cluster, which turns its centroid into NaN."""
import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    points = np.asarray(data_points, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    if len(points) == 0:
        return []
    points = points.reshape(len(points), -1)
    labels = None
    for _ in range(300):
        dist = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        new = dist.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            with np.errstate(all="ignore"):
                centroids[c] = points[labels == c].mean(axis=0) if (labels == c).any() else np.nan
    return [int(c) for c in labels]
