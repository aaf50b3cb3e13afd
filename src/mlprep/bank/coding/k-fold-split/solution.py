def k_fold_split(n, k):
    base, extra = divmod(n, k)
    folds = []
    start = 0
    for i in range(k):
        size = base + (1 if i < extra else 0)
        stop = start + size
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
        start = stop
    return folds
