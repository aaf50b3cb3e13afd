"""Computes the edge rank as ceil(n * i / B) in floating point: when i n / B is a whole number, i / B * n can round just above it and the rank lands one too high."""

import numpy as np


def population_stability_index(expected, actual, n_bins):
    e = np.sort(np.asarray(expected, dtype=float))
    a = np.asarray(actual, dtype=float)
    n = len(e)
    i = np.arange(1, n_bins)
    edges = np.unique(e[np.ceil(i / n_bins * n).astype(int) - 1])
    # right-closed bins: (-inf, e1], (e1, e2], ..., (e_last, inf)
    e_counts = np.bincount(np.searchsorted(edges, e, side="left"), minlength=len(edges) + 1)
    a_counts = np.bincount(np.searchsorted(edges, a, side="left"), minlength=len(edges) + 1)
    e_share = np.maximum(e_counts / n, 1e-4)
    a_share = np.maximum(a_counts / len(a), 1e-4)
    return float(np.sum((a_share - e_share) * np.log(a_share / e_share)))
