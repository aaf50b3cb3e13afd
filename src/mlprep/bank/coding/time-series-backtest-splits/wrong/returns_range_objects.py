"""Returns range objects instead of lists of ints."""

def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    folds = []
    e = initial_train
    while e + gap + horizon <= n:
        start = 0 if expanding else e - initial_train
        folds.append((range(start, e), range(e + gap, e + gap + horizon)))
        e += step
    return folds
