"""Returns 0.0 when nobody qualifies as a neighbour instead of the user's mean."""
import numpy as np


def predict_rating(ratings, user, item, k):
    R = np.asarray(ratings, dtype=float)
    observed = ~np.isnan(R)
    if not observed[user].any():
        return float(R[observed].mean())
    user_mean = float(R[user, observed[user]].mean())
    candidates = []
    for other in range(R.shape[0]):
        if other == user or not observed[other, item]:
            continue
        common = observed[user] & observed[other]
        if not common.any():
            continue
        a, b = R[user, common], R[other, common]
        candidates.append((-float(a @ b / (np.sqrt(a @ a) * np.sqrt(b @ b))), other))
    candidates.sort()
    numerator = denominator = 0.0
    for negative_similarity, other in candidates[:k]:
        numerator += -negative_similarity * (R[other, item] - R[other, observed[other]].mean())
        denominator += -negative_similarity
    if denominator == 0:
        return 0.0
    return user_mean + numerator / denominator
