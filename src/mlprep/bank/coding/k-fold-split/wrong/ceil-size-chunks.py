"""Cuts blocks of ceil(n / k) samples, which makes the last folds too small (or empty)."""
import math


def k_fold_split(n, k):
    size = math.ceil(n / k)
    folds = []
    for i in range(k):
        start = min(n, i * size)
        stop = min(n, start + size)
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
    return folds
