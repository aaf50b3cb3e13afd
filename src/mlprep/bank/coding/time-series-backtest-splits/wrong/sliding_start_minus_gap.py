"""Starts sliding windows gap rows early, so they hold initial_train + gap rows."""

def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    folds = []
    e = initial_train
    while e + gap + horizon <= n:
        start = 0 if expanding else e - initial_train - gap
        folds.append((list(range(start, e)), list(range(e + gap, e + gap + horizon))))
        e += step
    return folds
