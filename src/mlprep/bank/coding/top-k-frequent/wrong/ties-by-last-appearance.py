"""Re-inserts an item into the dict at every occurrence (pop then set), so ties follow the last appearance."""

def top_k_frequent(items, k):
    counts = {}
    for x in items:
        c = counts.pop(x, 0)
        counts[x] = c + 1
    return sorted(counts, key=lambda x: -counts[x])[:k]
