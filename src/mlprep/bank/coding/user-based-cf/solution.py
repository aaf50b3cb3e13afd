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
        similarity = float(a @ b / (np.sqrt(a @ a) * np.sqrt(b @ b)))
        candidates.append((-similarity, other))
    if not candidates:
        return user_mean
    candidates.sort()
    numerator = 0.0
    denominator = 0.0
    for negative_similarity, other in candidates[:k]:
        similarity = -negative_similarity
        other_mean = R[other, observed[other]].mean()
        numerator += similarity * (R[other, item] - other_mean)
        denominator += abs(similarity)
    return user_mean + numerator / denominator
