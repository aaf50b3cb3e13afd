"""Deals indices round-robin in index order, ignoring the labels (plain interleaved k-fold)."""


def stratified_k_fold(labels, k):
    folds = [[] for _ in range(k)]
    for index in range(len(labels)):
        folds[index % k].append(index)
    return folds
