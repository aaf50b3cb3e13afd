"""Reads the cut score one rank too high (index k - 2 of the descending sort)."""

import numpy as np


def precision_recall_at_k(scores, labels, k):
    precisions, recalls = [], []
    for s, y in zip(scores, labels):
        s = np.asarray(s, dtype=float)
        y = np.asarray(y) != 0
        relevant = int(y.sum())
        if s.size <= k:
            hits = float(relevant)  # every item is in the top k
        else:
            cut = np.sort(s)[::-1][max(k - 2, 0)]  # the score at rank k
            above = s > cut
            tied = s == cut
            slots = k - int(above.sum())  # places of the top k left for the tied group
            hits = int(y[above].sum()) + int(y[tied].sum()) * slots / int(tied.sum())
        precisions.append(hits / k)
        if relevant:
            recalls.append(hits / relevant)
    mean_p = sum(precisions) / len(precisions) if precisions else 0.0
    mean_r = sum(recalls) / len(recalls) if recalls else 0.0
    return (float(mean_p), float(mean_r))
