"""Indexes the class counts by the label itself, so a label of -1 wraps onto the last class."""

import numpy as np


def best_split_gini(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = x.size
    if n == 0:
        return None
    vals = np.unique(x)
    if vals.size < 2:
        return None
    yi = y.astype(int)
    C = int(yi.max()) + 1
    vi = np.searchsorted(vals, x)
    counts = np.zeros((vals.size, C))
    np.add.at(counts, (vi, yi), 1.0)
    left = np.cumsum(counts, axis=0)[:-1]
    total = counts.sum(axis=0)
    right = total - left
    nl = left.sum(axis=1)
    nr = right.sum(axis=1)
    gl = 1.0 - ((left / nl[:, None]) ** 2).sum(axis=1)
    gr = 1.0 - ((right / nr[:, None]) ** 2).sum(axis=1)
    score = nl / n * gl + nr / n * gr
    thr = (vals[:-1] + vals[1:]) / 2
    best = score.min()
    j = int(np.flatnonzero(score - best < 1e-9)[0])
    return (float(thr[j]), float(score[j]))
