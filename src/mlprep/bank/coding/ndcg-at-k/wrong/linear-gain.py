"""Uses the linear gain rel instead of the exponential gain 2^rel - 1."""
import math


def _dcg(values, k):
    return sum(rel / math.log2(j + 2) for j, rel in enumerate(values[:k]))


def ndcg_at_k(relevances, k):
    ranked = [float(r) for r in relevances]
    ideal = _dcg(sorted(ranked, reverse=True), k)
    if ideal == 0:
        return 0.0
    return _dcg(ranked, k) / ideal
