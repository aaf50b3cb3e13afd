"""Divides by the number of positives without checking for zero: nan when there is no positive."""

import numpy as np


def average_precision(labels, scores):
    y = np.asarray(labels, dtype=float)
    s = np.asarray(scores, dtype=float)
    n_pos = y.sum()
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    tp = np.cumsum(y)
    # the last position of each group of equal scores is a threshold
    last = np.r_[s[1:] != s[:-1], True]
    tp = tp[last]
    seen = np.arange(1, len(s) + 1)[last]
    precision = tp / seen
    recall_gain = np.diff(np.r_[0.0, tp]) / n_pos
    return float(np.sum(recall_gain * precision))
