import numpy as np


def k_means_clustering(data_points, k, initial_centroids):
    """Return the cluster index of every point, in input order."""
    raise NotImplementedError
