"""Sums the ideal DCG over all n sorted items instead of the first min(k, n)."""

import math


def _dcg(vals):
    return math.fsum((2.0 ** r - 1.0) / math.log2(i + 2) for i, r in enumerate(vals))


def ndcg_at_k(relevances, k):
    top = list(relevances[:k])
    ideal = sorted(relevances, reverse=True)
    idcg = _dcg(ideal)
    if idcg == 0:
        return 0.0
    return float(_dcg(top) / idcg)
