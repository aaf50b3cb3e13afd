import numpy as np


def kmeans_pp_init(X, k, first_index, draws):
    """Return the indices of the k centres chosen by k-means++, in order of choice."""
    raise NotImplementedError
