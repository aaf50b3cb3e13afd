"""Uses Counter.most_common, whose ties go to the label seen first; when the nearest
distances of the tied labels are equal, that is the lower index, not the smallest label."""

from collections import Counter

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
        votes = Counter(int(labels[i]) for i in nearest)
        predictions.append(votes.most_common(1)[0][0])
    return predictions
