"""Returns S_W^{-1}(m1 - m0) without scaling it to unit length."""

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
    return np.linalg.solve(scatter, class1.mean(axis=0) - class0.mean(axis=0))
