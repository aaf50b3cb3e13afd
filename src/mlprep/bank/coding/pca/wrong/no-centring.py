"""Skips centring: decomposes X^T X / (n-1) of the raw data and projects the raw data."""

import numpy as np


def pca(X, n_components):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    k = int(n_components)
    scatter = data.T @ data / (len(data) - 1)
    eigenvalues, eigenvectors = np.linalg.eigh(scatter)
    eigenvalues = np.clip(eigenvalues[::-1], 0.0, None)
    eigenvectors = eigenvectors[:, ::-1]
    largest = np.argmax(np.abs(eigenvectors), axis=0)
    eigenvectors = eigenvectors * np.sign(eigenvectors[largest, np.arange(eigenvectors.shape[1])])
    total = eigenvalues.sum()
    if total <= 0:
        return np.zeros((len(data), k)), np.zeros(k)
    return data @ eigenvectors[:, :k], eigenvalues[:k] / total
