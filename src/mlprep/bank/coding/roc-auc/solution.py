import numpy as np


def roc_auc(y_true, scores):
    labels = np.asarray(y_true).ravel()
    values = np.asarray(scores, dtype=float).ravel()
    n_pos = int(np.sum(labels == 1))
    n_neg = int(np.sum(labels == 0))
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    ranks = np.empty(len(values))
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2 + 1
        start = end + 1
    wins = ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(wins / (n_pos * n_neg))
