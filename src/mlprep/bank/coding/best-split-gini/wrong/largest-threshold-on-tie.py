"""Replaces the best split on ties (<=), so equal scores end at the largest threshold."""

import numpy as np


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float((p**2).sum())


def best_split_gini(x, y):
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
        score = (k * _gini(labels[mask]) + (n - k) * _gini(labels[~mask])) / n
        if best is None or score <= best[1] + 1e-9:
            best = (float(threshold), score)
    return best
