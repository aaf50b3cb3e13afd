"""Gives the extra samples to the last n % k folds instead of the first."""

def k_fold_split(n, k):
    base, extra = divmod(n, k)
    out = []
    start = 0
    for i in range(k):
        size = base + (1 if i >= k - extra else 0)
        stop = start + size
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        out.append((train, test))
        start = stop
    return out
