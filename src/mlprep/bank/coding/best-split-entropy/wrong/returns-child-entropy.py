"""Picks the right split but returns the weighted child entropy instead of the gain."""

import numpy as np


def _entropy(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return float(-(p * np.log2(p)).sum())


def best_split_entropy(x, y):
    values = np.asarray(x, dtype=float).ravel()
    labels = np.asarray(y).ravel()
    distinct = np.unique(values)
    if len(distinct) < 2:
        return None
    n = len(values)
    best = None
    for threshold in (distinct[:-1] + distinct[1:]) / 2:
        mask = values <= threshold
        k = int(mask.sum())
        children = (k * _entropy(labels[mask]) + (n - k) * _entropy(labels[~mask])) / n
        if best is None or children < best[1] - 1e-9:
            best = (float(threshold), children)
    return best
