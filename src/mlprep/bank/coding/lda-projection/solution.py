import numpy as np


def fisher_lda_direction(X, y):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    labels = np.asarray(y).ravel()
    class0 = data[labels == 0]
    class1 = data[labels == 1]
    mean0 = class0.mean(axis=0)
    mean1 = class1.mean(axis=0)
    centred0 = class0 - mean0
    centred1 = class1 - mean1
    scatter = centred0.T @ centred0 + centred1.T @ centred1
    direction = np.linalg.solve(scatter, mean1 - mean0)
    direction = direction / np.linalg.norm(direction)
    if direction @ (mean1 - mean0) < 0:
        direction = -direction
    return direction
