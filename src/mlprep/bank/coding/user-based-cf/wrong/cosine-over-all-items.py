"""Fills missing ratings with 0 and takes the cosine over all items, not just co-rated ones."""
import numpy as np


def predict_rating(ratings, user, item, k):
    R = np.asarray(ratings, dtype=float)
    observed = ~np.isnan(R)
    if not observed[user].any():
        return float(R[observed].mean())
    user_mean = float(R[user, observed[user]].mean())
    filled = np.where(observed, R, 0.0)
    candidates = []
    for other in range(R.shape[0]):
        if other == user or not observed[other, item]:
            continue
        if not (observed[user] & observed[other]).any():
            continue
        a, b = filled[user], filled[other]
        candidates.append((-float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))), other))
    if not candidates:
        return user_mean
    candidates.sort()
    numerator = denominator = 0.0
    for negative_similarity, other in candidates[:k]:
        numerator += -negative_similarity * (R[other, item] - R[other, observed[other]].mean())
        denominator += -negative_similarity
    return user_mean + numerator / denominator
