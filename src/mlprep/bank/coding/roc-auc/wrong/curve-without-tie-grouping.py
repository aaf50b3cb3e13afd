"""Walks the ROC curve one sample at a time, so tied scores make a staircase, not a diagonal."""

import numpy as np


def roc_auc(y_true, scores):
    labels = np.asarray(y_true).ravel()
    values = np.asarray(scores, dtype=float).ravel()
    n_pos = int(np.sum(labels == 1))
    n_neg = int(np.sum(labels == 0))
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(-values, kind="stable")
    tpr = np.concatenate([[0.0], np.cumsum(labels[order] == 1) / n_pos])
    fpr = np.concatenate([[0.0], np.cumsum(labels[order] == 0) / n_neg])
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
