"""Treats two zero vectors as identical (similarity 1) instead of 0."""
import numpy as np


def cosine_similarity_matrix(A, B):
    left = np.asarray(A, dtype=float)
    right = np.asarray(B, dtype=float)
    ln = np.linalg.norm(left, axis=1)
    rn = np.linalg.norm(right, axis=1)
    left_unit = left / np.where(ln == 0, 1.0, ln)[:, None]
    right_unit = right / np.where(rn == 0, 1.0, rn)[:, None]
    out = left_unit @ right_unit.T
    out[np.ix_(ln == 0, rn == 0)] = 1.0
    return out
