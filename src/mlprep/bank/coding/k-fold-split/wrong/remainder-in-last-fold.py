"""Gives the n % k leftover samples to the last fold instead of one to each of the first folds."""


def k_fold_split(n, k):
    size = n // k
    folds = []
    for i in range(k):
        start = i * size
        stop = n if i == k - 1 else start + size
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
    return folds
