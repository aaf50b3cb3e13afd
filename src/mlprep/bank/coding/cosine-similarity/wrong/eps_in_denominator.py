"""Divides by |a| |b| + 1e-8 instead of special-casing zero vectors: small rows lose their scale invariance."""

import numpy as np


def cosine_similarity_matrix(A, B):
    a = np.asarray(A, dtype=float)
    b = np.asarray(B, dtype=float)
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    denom = np.outer(na, nb)
    dots = a @ b.T
    return dots / (denom + 1e-8)
