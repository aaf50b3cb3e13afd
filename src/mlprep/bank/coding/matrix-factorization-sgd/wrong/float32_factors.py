"""Trains in float32: the errors build up past rtol 1e-6 over thousands of updates."""

import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    P = np.array(P, dtype=np.float32)
    Q = np.array(Q, dtype=np.float32)
    for _ in range(int(epochs)):
        for u, i, r in ratings:
            pu = P[u].copy()
            qi = Q[i].copy()
            e = r - pu @ qi
            P[u] = pu + lr * (e * qi - reg * pu)
            Q[i] = qi + lr * (e * pu - reg * qi)
    return P, Q
