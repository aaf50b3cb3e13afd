import numpy as np

def k_means_clustering(data_points, k, initial_centroids)
    return []
