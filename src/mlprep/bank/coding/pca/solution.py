import numpy as np


def pca(X, n_components):
    data = np.asarray(X, dtype=float)
    data = data.reshape(len(data), -1)
    k = int(n_components)
    centred = data - data.mean(axis=0)
    covariance = centred.T @ centred / (len(data) - 1)
    eigenvalues, eigenvectors = np.linalg.eigh(covariance)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues = np.clip(eigenvalues[order], 0.0, None)
    eigenvectors = eigenvectors[:, order]
    largest = np.argmax(np.abs(eigenvectors), axis=0)
    signs = np.sign(eigenvectors[largest, np.arange(eigenvectors.shape[1])])
    eigenvectors = eigenvectors * np.where(signs == 0, 1.0, signs)
    total = eigenvalues.sum()
    if total <= 0:
        return np.zeros((len(data), k)), np.zeros(k)
    return centred @ eigenvectors[:, :k], eigenvalues[:k] / total
