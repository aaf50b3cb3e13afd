"""Treats a pair as involving a zero vector when |a| |b| <= 1e-12, so tiny nonzero rows get 0."""

import numpy as np


def cosine_similarity_matrix(A, B):
    a = np.asarray(A, dtype=float)
    b = np.asarray(B, dtype=float)
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    denom = np.outer(na, nb)
    dots = a @ b.T
    out = np.zeros(dots.shape)
    np.divide(dots, denom, out=out, where=denom > 1e-12)
    return out
