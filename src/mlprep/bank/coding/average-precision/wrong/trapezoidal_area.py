"""Integrates the PR curve with the trapezoidal rule instead of the step-wise sum."""

import numpy as np


def average_precision(labels, scores):
    y = np.asarray(labels, dtype=float)
    s = np.asarray(scores, dtype=float)
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    tp = np.cumsum(y)
    # the last position of each group of equal scores is a threshold
    last = np.r_[s[1:] != s[:-1], True]
    tp = tp[last]
    seen = np.arange(1, len(s) + 1)[last]
    precision = tp / seen
    recall_gain = np.diff(np.r_[0.0, tp]) / n_pos
    prev = np.r_[1.0, precision[:-1]]
    return float(np.sum(recall_gain * (precision + prev) / 2))
