"""Breaks vote ties by the summed distance of each label's neighbours instead of its closest one."""

from collections import Counter


def knn_predict(X_train, y_train, X_test, k):
    train = [[float(v) for v in row] for row in X_train]
    labels = [int(v) for v in y_train]
    preds = []
    for q in X_test:
        q = [float(v) for v in q]
        order = sorted(
            range(len(train)),
            key=lambda i: (sum((a - b) ** 2 for a, b in zip(train[i], q)), i),
        )[:k]
        d2 = {i: sum((a - b) ** 2 for a, b in zip(train[i], q)) for i in order}
        cnt = Counter(labels[i] for i in order)
        top = max(cnt.values())
        closest = {}
        for i in order:
            closest[labels[i]] = closest.get(labels[i], 0.0) + d2[i] ** 0.5
        cands = [lab for lab, c in cnt.items() if c == top]
        preds.append(min(cands, key=lambda lab: (closest[lab], lab)))
    return preds
