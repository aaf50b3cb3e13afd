"""Replaces NaN by 0 but keeps the other junk in unobserved cells, which leaks into V^T r."""

import numpy as np


def _half(Rz, M, F, lam):
    # rows of Rz/M against factors F; returns new factors for each row
    k = F.shape[1]
    A = np.einsum("ri,ij,il->rjl", M, F, F) + lam * np.eye(k)[None]
    b = (Rz @ F)
    return np.linalg.solve(A, b[..., None])[..., 0]


def als(ratings, observed, item_factors, lam, n_iters):
    M = np.asarray(observed, dtype=bool).astype(float)
    Rz = np.nan_to_num(np.asarray(ratings, dtype=float), nan=0.0)
    V = np.asarray(item_factors, dtype=float).copy()
    U = np.zeros((Rz.shape[0], V.shape[1]))
    for _ in range(n_iters):
        U = _half(Rz, M, V, lam)
        V = _half(Rz.T, M.T, U, lam)
    return U, V
