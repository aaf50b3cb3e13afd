def top_k_frequent(items, k):
    """Return the k most frequent distinct items, highest count first, ties by first appearance."""
    raise NotImplementedError
