"""Averages the neighbours' raw ratings instead of their deviations from their own means."""
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
    if not candidates:
        return user_mean
    candidates.sort()
    weights = np.array([-s for s, _ in candidates[:k]])
    values = np.array([R[o, item] for _, o in candidates[:k]])
    return float(weights @ values / weights.sum())
