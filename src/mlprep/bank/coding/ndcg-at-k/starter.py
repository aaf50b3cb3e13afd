import math


def ndcg_at_k(relevances, k):
    """Return NDCG@k of the ranked relevance list (exponential gain; 0.0 if IDCG is 0)."""
    raise NotImplementedError
