"""Takes order[-k:] of the ascending sort: k = 0 gives every item, and ties come out reversed."""

def top_k_frequent(items, k):
    counts = {}
    for x in items:
        counts[x] = counts.get(x, 0) + 1
    order = sorted(counts, key=lambda x: counts[x])
    return order[-k:][::-1] if order else []
