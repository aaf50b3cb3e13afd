"""Takes the first k items of a stable argsort: ties are broken by input position, not averaged."""

import numpy as np


def precision_recall_at_k(scores, labels, k):
    precisions, recalls = [], []
    for s, y in zip(scores, labels):
        s = np.asarray(s, dtype=float)
        y = np.asarray(y) != 0
        relevant = int(y.sum())
        order = np.argsort(-s, kind="stable")
        hits = float(y[order[:k]].sum())
        precisions.append(hits / k)
        if relevant:
            recalls.append(hits / relevant)
    mean_p = sum(precisions) / len(precisions) if precisions else 0.0
    mean_r = sum(recalls) / len(recalls) if recalls else 0.0
    return (float(mean_p), float(mean_r))
