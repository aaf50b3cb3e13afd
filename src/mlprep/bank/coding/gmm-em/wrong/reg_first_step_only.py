"""Adds reg to the diagonal only in the first M-step instead of in every one."""

import numpy as np


def gmm_em(X, weights, means, covs, reg, n_iter):
    X = np.asarray(X, dtype=float)
    w = np.array(weights, dtype=float)
    mu = np.array(means, dtype=float)
    S = np.array(covs, dtype=float)
    n, d = X.shape
    K = len(w)
    lls = []
    for _ in range(n_iter):
        logp = np.empty((n, K))
        for k in range(K):
            diff = X - mu[k]
            sign, logdet = np.linalg.slogdet(S[k])
            sol = np.linalg.solve(S[k], diff.T).T
            maha = np.sum(diff * sol, axis=1)
            logp[:, k] = np.log(w[k]) - 0.5 * (d * np.log(2 * np.pi) + logdet + maha)
        m = logp.max(axis=1, keepdims=True)
        ell = m[:, 0] + np.log(np.exp(logp - m).sum(axis=1))
        lls.append(float(ell.sum()))
        R = np.exp(logp - ell[:, None])
        Nk = R.sum(axis=0)
        w = Nk / n
        mu = (R.T @ X) / Nk[:, None]
        S = np.empty((K, d, d))
        for k in range(K):
            diff = X - mu[k]
            S[k] = (R[:, k, None] * diff).T @ diff / Nk[k] + (reg * np.eye(d) if _ == 0 else 0)
    return w, mu, S, lls
