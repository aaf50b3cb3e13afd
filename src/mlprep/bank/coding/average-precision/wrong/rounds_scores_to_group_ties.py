"""Rounds the scores to 6 decimals to group ties: scores 1e-9 apart are different thresholds and must stay apart."""

import numpy as np


def average_precision(labels, scores):
    y = np.asarray(labels).astype(np.int64)
    s = np.round(np.asarray(scores, dtype=float), 6)
    P = int(y.sum())
    if P == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    ys, ss = y[order], s[order]
    tp = np.cumsum(ys)
    last = np.r_[ss[1:] != ss[:-1], True]
    tp_t = tp[last]
    prec = tp_t / (np.flatnonzero(last) + 1)
    drec = np.diff(np.r_[0.0, tp_t / P])
    return float(np.sum(drec * prec))
