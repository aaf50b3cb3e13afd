"""Cuts fold i at floor((i + 1) n / k): the sizes are right but the larger folds fall at the end, not the first n % k."""

def k_fold_split(n, k):
    base, extra = divmod(n, k)
    out = []
    start = 0
    for i in range(k):
        stop = (i + 1) * n // k
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        out.append((train, test))
        start = stop
    return out
