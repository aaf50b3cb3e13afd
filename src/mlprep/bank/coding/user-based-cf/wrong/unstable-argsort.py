"""Ranks the candidates with np.argsort's default (unstable) sort: among many exactly tied similarities the lowest user indices need not come first."""

import numpy as np


def predict_rating(ratings, user, item, k):
    R = np.asarray(ratings, dtype=float)
    obs = ~np.isnan(R)
    Z = np.where(obs, R, 0.0)
    if not obs[user].any():
        return float(Z.sum() / obs.sum())
    cnt = obs.sum(axis=1)
    means = np.where(cnt > 0, Z.sum(axis=1) / np.maximum(cnt, 1), 0.0)
    mu = means[user]
    co = obs & obs[user]  # co-rated with user, per row
    num = (Z * Z[user] * co).sum(axis=1)
    nu = np.sqrt(((Z[user] ** 2) * co).sum(axis=1))
    nv = np.sqrt(((Z ** 2) * co).sum(axis=1))
    cand = obs[:, item] & (co.sum(axis=1) > 0)
    cand[user] = False
    idx = np.nonzero(cand)[0]
    if idx.size == 0:
        return float(mu)
    sims = num[idx] / (nu[idx] * nv[idx])
    order = np.argsort(-sims, kind="quicksort")[:k]
    nb, s = idx[order], sims[order]
    return float(mu + (s * (R[nb, item] - means[nb])).sum() / np.abs(s).sum())
