"""Indexes the ranking k times, which raises IndexError when k is larger than the number
of distinct items."""


def top_k_frequent(items, k):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    ranked = sorted(counts, key=lambda item: -counts[item])
    return [ranked[i] for i in range(k)]
