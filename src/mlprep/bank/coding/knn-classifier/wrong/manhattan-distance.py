"""Measures Manhattan (L1) distance instead of Euclidean distance."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    train = np.asarray(X_train, dtype=float)
    labels = np.asarray(y_train).ravel()
    train = train.reshape(len(train), -1)
    test = np.asarray(X_test, dtype=float)
    if test.size == 0:
        return []
    test = test.reshape(len(test), train.shape[1])
    predictions = []
    for point in test:
        distances = np.abs(train - point).sum(axis=1)
        nearest = np.argsort(distances, kind="stable")[: min(k, len(train))]
        counts: dict[int, int] = {}
        closest: dict[int, float] = {}
        for index in nearest:
            label = int(labels[index])
            counts[label] = counts.get(label, 0) + 1
            closest[label] = min(closest.get(label, np.inf), float(distances[index]))
        top = max(counts.values())
        tied = [label for label, count in counts.items() if count == top]
        predictions.append(min(tied, key=lambda label: (closest[label], label)))
    return predictions
