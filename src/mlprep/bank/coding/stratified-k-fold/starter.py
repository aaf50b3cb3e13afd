def stratified_k_fold(labels, k):
    """Return k lists of sample indices (increasing), one per fold."""
    raise NotImplementedError
