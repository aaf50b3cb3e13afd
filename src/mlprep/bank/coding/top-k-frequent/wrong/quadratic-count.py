"""Correct order, but calls items.count for every distinct item: O(n * d) time, too slow
at the stated size."""


def top_k_frequent(items, k):
    distinct = list(dict.fromkeys(items))
    counts = {item: items.count(item) for item in distinct}
    return sorted(distinct, key=lambda item: -counts[item])[:k]
