"""Returns the normalised difference of the means: no S_W, so correlated spread is ignored."""

import numpy as np


def fisher_lda_direction(X, y):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    labels = np.asarray(y).ravel()
    direction = data[labels == 1].mean(axis=0) - data[labels == 0].mean(axis=0)
    return direction / np.linalg.norm(direction)
