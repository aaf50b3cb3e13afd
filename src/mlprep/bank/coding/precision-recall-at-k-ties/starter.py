import numpy as np


def precision_recall_at_k(scores, labels, k):
    """Return (mean precision@k, mean recall@k), expected over random orders of tied scores."""
    raise NotImplementedError
