"""Returns NaN instead of None when one class is missing."""

import numpy as np


def roc_auc(y_true, scores):
    labels = np.asarray(y_true).ravel()
    values = np.asarray(scores, dtype=float).ravel()
    pos = values[labels == 1]
    neg = values[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    wins = np.sum(pos[:, None] > neg[None, :]) + 0.5 * np.sum(pos[:, None] == neg[None, :])
    return float(wins / (len(pos) * len(neg)))
