"""Fills unobserved cells with 0 and fits every cell, as if each user rated every item 0."""

import numpy as np


def als(ratings, observed, item_factors, lam, n_iters):
    observed = np.asarray(observed, dtype=bool)
    v = np.array(item_factors, dtype=float)  # a copy: the caller's array is not touched
    m, n = observed.shape
    k = v.shape[1]
    u = np.zeros((m, k))
    ridge = lam * np.eye(k)

    def solve_rows(fixed, mask, values):
        # one ridge regression per row of mask, on the columns it observes only
        out = np.zeros((mask.shape[0], k))
        for row in range(mask.shape[0]):
            cols = np.arange(mask.shape[1])
            f = fixed[cols]
            out[row] = np.linalg.solve(f.T @ f + ridge, f.T @ values[row, cols])
        return out

    ratings = np.where(observed, np.asarray(ratings, dtype=float), 0.0)
    for _ in range(n_iters):
        u = solve_rows(v, observed, ratings)  # users, with the current items
        v = solve_rows(u, observed.T, ratings.T)  # items, with the users just updated
    return u, v
