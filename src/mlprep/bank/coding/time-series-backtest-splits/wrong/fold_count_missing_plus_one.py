"""Counts the folds as (n - initial_train - gap - horizon) // step, one fewer than fit."""

def backtest_splits(n, initial_train, horizon, step, gap, expanding):
    room = n - (initial_train + gap + horizon)
    if room < 0:
        return []
    count = room // step
    out = []
    for k in range(count):
        end = initial_train + k * step
        train = [i for i in range(end)] if expanding else [end - initial_train + i for i in range(initial_train)]
        test = [end + gap + j for j in range(horizon)]
        out.append((train, test))
    return out
