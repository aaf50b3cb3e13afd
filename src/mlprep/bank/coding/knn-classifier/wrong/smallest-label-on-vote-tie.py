"""Breaks vote ties by the smallest label only, ignoring which tied label is nearest."""

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
        distances = np.sqrt(((train - point) ** 2).sum(axis=1))
        nearest = np.argsort(distances, kind="stable")[: min(k, len(train))]
        values, counts = np.unique(labels[nearest], return_counts=True)
        predictions.append(int(values[np.argmax(counts)]))
    return predictions
