import numpy as np


def population_stability_index(expected, actual, n_bins):
    e = np.sort(np.asarray(expected, dtype=float))
    a = np.asarray(actual, dtype=float)
    n = len(e)
    i = np.arange(1, n_bins)
    edges = np.unique(e[(i * n + n_bins - 1) // n_bins - 1])
    # right-closed bins: (-inf, e1], (e1, e2], ..., (e_last, inf)
    e_counts = np.bincount(np.searchsorted(edges, e, side="left"), minlength=len(edges) + 1)
    a_counts = np.bincount(np.searchsorted(edges, a, side="left"), minlength=len(edges) + 1)
    e_share = np.maximum(e_counts / n, 1e-4)
    a_share = np.maximum(a_counts / len(a), 1e-4)
    return float(np.sum((a_share - e_share) * np.log(a_share / e_share)))
