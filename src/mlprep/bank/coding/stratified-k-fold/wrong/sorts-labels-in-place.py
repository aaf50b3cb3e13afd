"""Computes the right folds but then sorts a list labels in place, changing the caller's data."""

def stratified_k_fold(labels, k):
    n = len(labels)
    pairs = sorted(zip(list(labels), range(n)))
    folds = [[] for _ in range(k)]
    for t, (_, i) in enumerate(pairs):
        folds[t % k].append(i)
    if isinstance(labels, list):
        labels.sort()
    return [sorted(f) for f in folds]
