import numpy as np


def softmax_cross_entropy(logits, labels):
    """Return (row-wise softmax probabilities, mean cross-entropy), stable for huge logits."""
    raise NotImplementedError
