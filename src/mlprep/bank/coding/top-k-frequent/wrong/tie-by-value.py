"""Breaks count ties by the item's value instead of its first appearance."""


def top_k_frequent(items, k):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return [item for item, _ in ranked[:k]]
