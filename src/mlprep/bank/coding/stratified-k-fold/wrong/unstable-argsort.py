"""Orders the indices with np.argsort(kind='quicksort'): not stable, so within a class the indices are not dealt in increasing order."""

import numpy as np


def stratified_k_fold(labels, k):
    arr = np.asarray(labels)
    n = arr.shape[0]
    if n == 0:
        return [[] for _ in range(k)]
    order = np.argsort(arr, kind="quicksort")
    fold_of = np.empty(n, dtype=np.int64)
    fold_of[order] = np.arange(n) % k
    return [np.flatnonzero(fold_of == i).tolist() for i in range(k)]
