"""Ranks tied scores by position instead of giving them their average rank."""

import numpy as np


def roc_auc(y_true, scores):
    labels = np.asarray(y_true).ravel()
    values = np.asarray(scores, dtype=float).ravel()
    n_pos = int(np.sum(labels == 1))
    n_neg = int(np.sum(labels == 0))
    if n_pos == 0 or n_neg == 0:
        return None
    ranks = np.empty(len(values))
    ranks[np.argsort(values, kind="stable")] = np.arange(1, len(values) + 1)
    wins = ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(wins / (n_pos * n_neg))
