"""Normalises along axis 0 (columns) instead of rows."""
import numpy as np


def cosine_similarity_matrix(A, B):
    left = np.asarray(A, dtype=float)
    right = np.asarray(B, dtype=float)
    left_norms = np.linalg.norm(left, axis=0, keepdims=True)
    right_norms = np.linalg.norm(right, axis=0, keepdims=True)
    left_unit = left / np.where(left_norms == 0, 1.0, left_norms)
    right_unit = right / np.where(right_norms == 0, 1.0, right_norms)
    return left_unit @ right_unit.T
