"""Uses n // k samples per fold, so the last n % k samples are never tested."""


def k_fold_split(n, k):
    size = n // k
    folds = []
    for i in range(k):
        start, stop = i * size, (i + 1) * size
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
    return folds
