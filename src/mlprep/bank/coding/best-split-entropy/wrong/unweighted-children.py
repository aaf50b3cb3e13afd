"""Subtracts the plain average of the child entropies, ignoring the child sizes."""

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
    parent = _entropy(labels)
    best = None
    for threshold in (distinct[:-1] + distinct[1:]) / 2:
        mask = values <= threshold
        gain = parent - (_entropy(labels[mask]) + _entropy(labels[~mask])) / 2
        if best is None or gain > best[1] + 1e-9:
            best = (float(threshold), gain)
    return best
