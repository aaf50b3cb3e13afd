"""Assumes at least one candidate exists: min() of an empty list raises on a constant feature."""

import numpy as np


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float((p**2).sum())


def best_split_gini(x, y):
    values = np.asarray(x, dtype=float).ravel()
    labels = np.asarray(y).ravel()
    distinct = np.unique(values)
    n = len(values)
    scored = []
    for threshold in (distinct[:-1] + distinct[1:]) / 2:
        mask = values <= threshold
        k = int(mask.sum())
        scored.append(((k * _gini(labels[mask]) + (n - k) * _gini(labels[~mask])) / n, threshold))
    low = min(score for score, _ in scored)
    threshold = min(t for score, t in scored if score <= low + 1e-9)
    return (float(threshold), float(low))
