"""Averages the two children's impurities without weighting them by their sizes."""

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
    best = None
    for threshold in (distinct[:-1] + distinct[1:]) / 2:
        mask = values <= threshold
        score = (_gini(labels[mask]) + _gini(labels[~mask])) / 2
        if best is None or score < best[1] - 1e-9:
            best = (float(threshold), score)
    return best
