"""Divides by zero norms, so any pair involving a zero vector becomes NaN."""
import numpy as np


def cosine_similarity_matrix(A, B):
    left = np.asarray(A, dtype=float)
    right = np.asarray(B, dtype=float)
    with np.errstate(all="ignore"):
        norms = np.outer(np.linalg.norm(left, axis=1), np.linalg.norm(right, axis=1))
        return (left @ right.T) / norms
