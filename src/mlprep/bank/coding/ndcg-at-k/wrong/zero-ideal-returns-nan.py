"""Divides without checking the ideal DCG, returning NaN when no item is relevant."""
import numpy as np


def ndcg_at_k(relevances, k):
    ranked = np.asarray(relevances, dtype=float)
    discounts = 1.0 / np.log2(np.arange(2, min(k, len(ranked)) + 2))
    dcg = ((2.0 ** ranked[:k] - 1.0) * discounts).sum()
    idcg = ((2.0 ** np.sort(ranked)[::-1][:k] - 1.0) * discounts).sum()
    with np.errstate(all="ignore"):
        return float(dcg / idcg)
