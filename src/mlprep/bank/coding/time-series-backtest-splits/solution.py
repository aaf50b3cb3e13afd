def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    folds = []
    train_end = initial_train
    while train_end + gap + horizon <= n:
        start = 0 if expanding else train_end - initial_train
        test_start = train_end + gap
        folds.append((list(range(start, train_end)), list(range(test_start, test_start + horizon))))
        train_end += step
    return folds
