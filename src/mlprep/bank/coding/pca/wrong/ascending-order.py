"""Takes the first k columns of eigh, which are the smallest-variance directions."""

import numpy as np


def pca(X, n_components):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    k = int(n_components)
    centred = data - data.mean(axis=0)
    eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred / (len(data) - 1))
    eigenvalues = np.clip(eigenvalues, 0.0, None)
    largest = np.argmax(np.abs(eigenvectors), axis=0)
    eigenvectors = eigenvectors * np.sign(eigenvectors[largest, np.arange(eigenvectors.shape[1])])
    total = eigenvalues.sum()
    if total <= 0:
        return np.zeros((len(data), k)), np.zeros(k)
    return centred @ eigenvectors[:, :k], eigenvalues[:k] / total
