"""Sorts the distinct items of set(items), so ties follow the set's hash order instead of first appearance."""

def top_k_frequent(items, k):
    counts = {}
    for x in items:
        counts[x] = counts.get(x, 0) + 1
    distinct = list(set(items))
    return sorted(distinct, key=lambda x: -counts[x])[:k]
