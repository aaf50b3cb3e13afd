import numpy as np


def predict_rating(ratings, user, item, k):
    """Predict ratings[user, item] from the k most similar users (mean-centred)."""
    raise NotImplementedError
