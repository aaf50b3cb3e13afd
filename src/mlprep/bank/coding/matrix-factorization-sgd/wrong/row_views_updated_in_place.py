"""Keeps pu = P[u] (a view) and updates P[u] in place, so the q update sees the new p: sequential, not simultaneous."""

import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    P = np.array(P, dtype=float)
    Q = np.array(Q, dtype=float)
    for _ in range(int(epochs)):
        for u, i, r in ratings:
            pu = P[u]
            qi = Q[i]
            e = r - pu @ qi
            P[u] += lr * (e * qi - reg * pu)
            Q[i] += lr * (e * pu - reg * qi)
    return P, Q
