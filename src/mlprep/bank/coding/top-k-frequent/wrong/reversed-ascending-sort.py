"""Sorts ascending by count and reverses the result, which puts tied items in order of
last appearance instead of first."""


def top_k_frequent(items, k):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    ranked = sorted(counts, key=counts.get)[::-1]
    return ranked[:k]
