"""Counts only strictly higher positive scores, so tied pairs add 0 instead of 0.5."""

import numpy as np


def roc_auc(y_true, scores):
    labels = np.asarray(y_true).ravel()
    values = np.asarray(scores, dtype=float).ravel()
    pos = values[labels == 1]
    neg = values[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return None
    wins = np.sum(pos[:, None] > neg[None, :])
    return float(wins / (len(pos) * len(neg)))
