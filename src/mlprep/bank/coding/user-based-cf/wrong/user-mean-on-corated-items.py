"""Centres the user on its mean over the items co-rated with the neighbours instead of all its ratings."""

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
    order = np.lexsort((idx, -sims))[:k]
    nb, s = idx[order], sims[order]
    mu2 = np.nanmean(R[user][obs[nb].any(axis=0) & obs[user]])
    return float(mu2 + (s * (R[nb, item] - means[nb])).sum() / np.abs(s).sum())
