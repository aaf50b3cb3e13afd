"""Starts the training tail one index late, so the sample right after each test block is lost."""


def k_fold_split(n, k):
    base, extra = divmod(n, k)
    folds = []
    start = 0
    for i in range(k):
        size = base + (1 if i < extra else 0)
        stop = start + size
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop + 1, n))
        folds.append((train, test))
        start = stop
    return folds
