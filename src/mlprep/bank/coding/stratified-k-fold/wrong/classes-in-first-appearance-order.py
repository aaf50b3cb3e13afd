"""Visits classes in order of first appearance instead of sorted label order."""


def stratified_k_fold(labels, k):
    values = list(labels)
    classes = list(dict.fromkeys(values))
    folds = [[] for _ in range(k)]
    t = 0
    for label in classes:
        for index, v in enumerate(values):
            if v == label:
                folds[t % k].append(index)
                t += 1
    return [sorted(fold) for fold in folds]
