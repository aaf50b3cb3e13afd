import numpy as np


def logistic_newton(X, y, lam, n_iter):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    d = X.shape[1]
    w = np.zeros(d)
    for _ in range(n_iter):
        p = 0.5 * (1.0 + np.tanh(0.5 * (X @ w)))  # sigmoid without overflow
        grad = X.T @ (p - y) + lam * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + lam * np.eye(d)
        w = w - np.linalg.solve(hess, grad)
    return w
