"""Keeps the folds in a dict filled while dealing, so when k > n the empty folds are missing from the result."""

def stratified_k_fold(labels, k):
    labs = list(labels)
    order = sorted(range(len(labs)), key=lambda i: labs[i])
    folds = {}
    for t, i in enumerate(order):
        folds.setdefault(t % k, []).append(i)
    return [sorted(folds[f]) for f in sorted(folds)]
