"""Restarts the round-robin counter per class, so fold 0 collects every class's leftovers."""


def stratified_k_fold(labels, k):
    values = list(labels)
    folds = [[] for _ in range(k)]
    for label in sorted(set(values)):
        members = [i for i, v in enumerate(values) if v == label]
        for j, index in enumerate(members):
            folds[j % k].append(index)
    return [sorted(fold) for fold in folds]
