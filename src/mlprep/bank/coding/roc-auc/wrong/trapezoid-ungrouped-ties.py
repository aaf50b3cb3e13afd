"""Integrates the curve with np.trapz after sorting by score without grouping ties, so a tie's share depends on the input order."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(int)
    s = np.asarray(scores, dtype=np.float64)
    P = int(y.sum()); N = len(y) - P
    if P == 0 or N == 0:
        return None
    order = np.argsort(-s)
    tpr = np.concatenate([[0], np.cumsum(y[order]) / P])
    fpr = np.concatenate([[0], np.cumsum(1 - y[order]) / N])
    return float(np.trapz(tpr, fpr)) if hasattr(np, "trapz") else float(np.trapezoid(tpr, fpr))
