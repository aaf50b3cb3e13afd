"""Uses m0 - m1, so the direction points towards class 0."""

import numpy as np


def fisher_lda_direction(X, y):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    labels = np.asarray(y).ravel()
    class0 = data[labels == 0]
    class1 = data[labels == 1]
    centred0 = class0 - class0.mean(axis=0)
    centred1 = class1 - class1.mean(axis=0)
    scatter = centred0.T @ centred0 + centred1.T @ centred1
    direction = np.linalg.solve(scatter, class0.mean(axis=0) - class1.mean(axis=0))
    return direction / np.linalg.norm(direction)
