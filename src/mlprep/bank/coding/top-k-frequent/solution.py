def top_k_frequent(items, k):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    # dicts keep insertion order (= first appearance) and sorted() is stable.
    ranked = sorted(counts, key=lambda item: -counts[item])
    return ranked[:k]
