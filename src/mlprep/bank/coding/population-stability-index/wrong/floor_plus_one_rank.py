"""Takes the edge rank as i n // B + 1 (floor plus one) instead of the ceiling; wrong when i n / B is a whole number."""

import numpy as np


def population_stability_index(expected, actual, n_bins):
    s = np.sort(np.asarray(expected, dtype=float))
    n = s.size
    a = np.asarray(actual, dtype=float)
    m = a.size
    B = int(n_bins)
    k = np.array([(i * n) // B + 1 for i in range(1, B)], dtype=np.int64)
    edges = np.unique(s[k - 1]) if B > 1 else np.zeros(0)
    r = edges.size
    ce = np.bincount(np.searchsorted(edges, s, side="left"), minlength=r + 1) / n
    ca = np.bincount(np.searchsorted(edges, a, side="left"), minlength=r + 1) / m
    ce = np.maximum(ce, 1e-4)
    ca = np.maximum(ca, 1e-4)
    return float(np.sum((ca - ce) * np.log(ca / ce)))
