"""Computes gains and discounts in float32: about seven significant digits."""

import numpy as np


def ndcg_at_k(relevances, k):
    r = np.asarray(relevances, dtype=np.float32)
    m = min(k, r.size)
    if m == 0:
        return 0.0
    disc = 1.0 / np.log2(np.arange(2, m + 2, dtype=np.float32))
    dcg = float(np.dot(np.exp2(r[:m]) - 1, disc))
    ideal = -np.sort(-r)[:m]
    idcg = float(np.dot(np.exp2(ideal) - 1, disc))
    return dcg / idcg if idcg > 0 else 0.0
