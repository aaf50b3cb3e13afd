"""Normalises AP by |R| even when |R| > k."""


def _ap_rr(ranked, relevant, k):
    """Average precision and reciprocal rank of one query, both cut at k."""
    if not relevant:
        return 0.0, 0.0
    seen = set()
    hits = 0
    precision_sum = 0.0
    first_hit = 0
    for position, item in enumerate(ranked[:k], start=1):
        if item in relevant and item not in seen:  # a repeated item is not a second hit
            hits += 1
            precision_sum += hits / position
            if first_hit == 0:
                first_hit = position
        seen.add(item)
    ap = precision_sum / len(relevant)
    return ap, (1.0 / first_hit if first_hit else 0.0)


def map_mrr_at_k(rankings, relevant, k):
    if not rankings:
        return 0.0, 0.0
    scores = [_ap_rr(list(r), set(rel), k) for r, rel in zip(rankings, relevant, strict=True)]
    return (
        sum(ap for ap, _ in scores) / len(scores),
        sum(rr for _, rr in scores) / len(scores),
    )
