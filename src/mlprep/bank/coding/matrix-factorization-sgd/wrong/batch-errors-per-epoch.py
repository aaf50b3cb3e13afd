"""Computes every error at the start of the epoch, then updates: not stochastic, stale errors."""
import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    users = np.array(P, dtype=float)
    items = np.array(Q, dtype=float)
    for _ in range(int(epochs)):
        errors = [r - users[u] @ items[i] for u, i, r in ratings]
        for (u, i, _), error in zip(ratings, errors, strict=True):
            p_old = users[u].copy()
            q_old = items[i].copy()
            users[u] = p_old + lr * (error * q_old - reg * p_old)
            items[i] = q_old + lr * (error * p_old - reg * q_old)
    return users, items
