def stratified_k_fold(labels, k):
    values = list(labels)
    order = sorted(range(len(values)), key=lambda i: values[i])
    folds = [[] for _ in range(k)]
    for t, index in enumerate(order):
        folds[t % k].append(index)
    return [sorted(fold) for fold in folds]
