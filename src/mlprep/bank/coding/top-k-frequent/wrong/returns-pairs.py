"""Returns (item, count) pairs from Counter.most_common instead of just the items."""
from collections import Counter


def top_k_frequent(items, k):
    return Counter(items).most_common(k)
