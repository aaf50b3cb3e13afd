def k_fold_split(n, k):
    """Return [(train_indices, test_indices), ...], one pair per fold, in fold order."""
    raise NotImplementedError
