"""Purges the gap from the end of the training window instead of skipping rows before the test window."""


def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    folds = []
    train_end = initial_train
    while train_end + horizon <= n:
        start = 0 if expanding else train_end - initial_train
        test_start = train_end
        folds.append((list(range(start, max(start, train_end - gap))), list(range(test_start, test_start + horizon))))
        train_end += step
    return folds
