"""Discounts the top position by log2(3) instead of log2(2): positions shifted by one."""
import math


def _dcg(values, k):
    return sum((2.0**rel - 1.0) / math.log2(i + 2) for i, rel in enumerate(values[:k], start=1))


def ndcg_at_k(relevances, k):
    ranked = [float(r) for r in relevances]
    ideal = _dcg(sorted(ranked, reverse=True), k)
    if ideal == 0:
        return 0.0
    return _dcg(ranked, k) / ideal
