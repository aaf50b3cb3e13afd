"""Picks the highest gain with np.argmax: gains equal up to rounding are not treated
as ties, so a threshold 2e-16 higher wins over the smaller threshold."""

import numpy as np


def _entropy_rows(counts):
    """Entropy in bits of every row of a (rows, classes) count matrix."""
    totals = counts.sum(axis=1, keepdims=True)
    p = counts / totals
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log2(p), 0.0)
    return terms.sum(axis=1)


def best_split_entropy(x, y):
    values = np.asarray(x, dtype=float).ravel()
    labels = np.asarray(y).ravel()
    distinct = np.unique(values)
    if len(distinct) < 2:
        return None
    classes, label_index = np.unique(labels, return_inverse=True)
    n = len(values)
    # rows: distinct values in order; columns: how many samples of each class have that value
    counts = np.zeros((len(distinct), len(classes)))
    np.add.at(counts, (np.searchsorted(distinct, values), label_index), 1)
    totals = counts.sum(axis=0)
    left = np.cumsum(counts, axis=0)[:-1]
    right = totals - left
    parent = _entropy_rows(totals[None, :])[0]
    children = (
        left.sum(axis=1) * _entropy_rows(left) + right.sum(axis=1) * _entropy_rows(right)
    ) / n
    gains = parent - children
    thresholds = (distinct[:-1] + distinct[1:]) / 2
    best = int(np.argmax(gains))  # exact comparison: a 1e-16 difference decides
    return (float(thresholds[best]), float(gains[best]))
