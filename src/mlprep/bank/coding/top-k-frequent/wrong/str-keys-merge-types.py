"""Counts by str(x), so the int 1 and the string "1" are merged into one item."""

def top_k_frequent(items, k):
    counts = {}
    orig = {}
    for x in items:
        key = str(x)
        counts[key] = counts.get(key, 0) + 1
        orig.setdefault(key, x)
    return [orig[s] for s in sorted(counts, key=lambda s: -counts[s])[:k]]
