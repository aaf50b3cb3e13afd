"""Sorts the caller's list in place to build the ideal ranking."""

import math


def _dcg(vals):
    return math.fsum((2.0 ** r - 1.0) / math.log2(i + 2) for i, r in enumerate(vals))


def ndcg_at_k(relevances, k):
    top = list(relevances[:k])
    relevances.sort(reverse=True)
    ideal = relevances[:k]
    idcg = _dcg(ideal)
    if idcg == 0:
        return 0.0
    return float(_dcg(top) / idcg)
