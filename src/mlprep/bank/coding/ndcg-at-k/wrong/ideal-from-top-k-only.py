"""Builds the ideal ranking from the first k items only, ignoring relevant items below k."""
import math


def _dcg(values, k):
    return sum((2.0**rel - 1.0) / math.log2(j + 2) for j, rel in enumerate(values[:k]))


def ndcg_at_k(relevances, k):
    ranked = [float(r) for r in relevances]
    ideal = _dcg(sorted(ranked[:k], reverse=True), k)
    if ideal == 0:
        return 0.0
    return _dcg(ranked, k) / ideal
