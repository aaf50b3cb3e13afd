"""Picks the lowest score with np.argmin: scores equal up to rounding are not treated
as ties, so a threshold 1e-16 lower wins over the smaller threshold."""

import numpy as np


def best_split_gini(x, y):
    values = np.asarray(x, dtype=float).ravel()
    labels = np.asarray(y).ravel()
    distinct = np.unique(values)
    if len(distinct) < 2:
        return None
    classes, label_index = np.unique(labels, return_inverse=True)
    n = len(values)
    # rows: distinct values in order; columns: how many samples of each class have that value
    value_index = np.searchsorted(distinct, values)
    counts = np.zeros((len(distinct), len(classes)))
    np.add.at(counts, (value_index, label_index), 1)
    left = np.cumsum(counts, axis=0)[:-1]
    right = counts.sum(axis=0) - left
    n_left = left.sum(axis=1)
    n_right = right.sum(axis=1)
    gini_left = 1.0 - ((left / n_left[:, None]) ** 2).sum(axis=1)
    gini_right = 1.0 - ((right / n_right[:, None]) ** 2).sum(axis=1)
    scores = (n_left * gini_left + n_right * gini_right) / n
    thresholds = (distinct[:-1] + distinct[1:]) / 2
    best = int(np.argmin(scores))  # exact comparison: a 1e-16 difference decides
    return (float(thresholds[best]), float(scores[best]))
