import numpy as np


def tf_idf(documents):
    """Return (sorted vocabulary, N x V matrix of L2-normalised tf-idf weights)."""
    raise NotImplementedError
