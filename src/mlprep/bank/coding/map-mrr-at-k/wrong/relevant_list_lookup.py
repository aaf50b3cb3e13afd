"""Tests membership in the list of relevant ids instead of a set: O(|R|) per position, too slow at the stated size."""

def map_mrr_at_k(rankings, relevant, k):
    Q = len(rankings)
    if Q == 0:
        return 0.0, 0.0
    sap = srr = 0.0
    for ranking, rel in zip(rankings, relevant):
        R = list(rel)
        if not R:
            continue
        seen = set()
        hits = 0
        ap = 0.0
        rr = 0.0
        for i, item in enumerate(ranking[:k], start=1):
            if item in R and item not in seen:
                hits += 1
                ap += hits / i
                if rr == 0.0:
                    rr = 1.0 / i
            seen.add(item)
        sap += ap / min(len(R), k)
        srr += rr
    return sap / Q, srr / Q
