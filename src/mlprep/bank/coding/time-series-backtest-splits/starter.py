def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    """Return the list of (train_indices, test_indices) folds, in time order."""
    raise NotImplementedError
