def map_mrr_at_k(rankings, relevant, k):
    """Return (MAP@k, MRR@k) over the queries."""
    raise NotImplementedError
