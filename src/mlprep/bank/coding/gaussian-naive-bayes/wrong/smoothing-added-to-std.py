"""Adds the smoothing to the standard deviation instead of the variance."""

import numpy as np


def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing):
    train = np.asarray(X_train, dtype=float)
    labels = np.asarray(y_train).ravel()
    train = train.reshape(len(train), -1)
    test = np.asarray(X_test, dtype=float).reshape(-1, train.shape[1])
    classes = np.unique(labels)
    scores = np.empty((len(test), len(classes)))
    for k, c in enumerate(classes):
        rows = train[labels == c]
        mean = rows.mean(axis=0)
        var = (rows.std(axis=0) + var_smoothing) ** 2
        log_likelihood = -0.5 * np.log(2 * np.pi * var) - (test - mean) ** 2 / (2 * var)
        scores[:, k] = np.log(len(rows) / len(train)) + log_likelihood.sum(axis=1)
    predictions = [int(classes[k]) for k in scores.argmax(axis=1)] if len(test) else []
    return predictions, scores
