"""Divides the caller's float arrays by their row norms in place (np.asarray does not copy)."""

import numpy as np


def cosine_similarity_matrix(A, B):
    a = np.asarray(A, dtype=float)
    b = np.asarray(B, dtype=float)
    na = np.linalg.norm(a, axis=1, keepdims=True)
    nb = np.linalg.norm(b, axis=1, keepdims=True)
    na[na == 0] = 1.0
    nb[nb == 0] = 1.0
    a /= na
    b /= nb
    return a @ b.T
