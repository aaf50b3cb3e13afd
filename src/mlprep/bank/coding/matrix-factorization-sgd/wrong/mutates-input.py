"""Trains on the caller's arrays in place instead of on copies."""
import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    users = np.asarray(P, dtype=float)
    items = np.asarray(Q, dtype=float)
    for _ in range(int(epochs)):
        for u, i, r in ratings:
            p_old = users[u].copy()
            q_old = items[i].copy()
            error = r - p_old @ q_old
            users[u] = p_old + lr * (error * q_old - reg * p_old)
            items[i] = q_old + lr * (error * p_old - reg * q_old)
    return users, items
