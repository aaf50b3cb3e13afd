import numpy as np


def cosine_similarity_matrix(A, B):
    left = np.asarray(A, dtype=float)
    right = np.asarray(B, dtype=float)
    left_norms = np.sqrt((left**2).sum(axis=1, keepdims=True))
    right_norms = np.sqrt((right**2).sum(axis=1, keepdims=True))
    left_unit = left / np.where(left_norms == 0, 1.0, left_norms)
    right_unit = right / np.where(right_norms == 0, 1.0, right_norms)
    return left_unit @ right_unit.T
