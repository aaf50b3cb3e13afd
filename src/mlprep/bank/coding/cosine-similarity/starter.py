import numpy as np


def cosine_similarity_matrix(A, B):
    """Return the (n, m) matrix of cosine similarities between rows of A and rows of B."""
    raise NotImplementedError
