"""Subtracts reg * p without the learning rate: p + lr e q - reg p."""

import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    P = np.array(P, dtype=float)
    Q = np.array(Q, dtype=float)
    for _ in range(int(epochs)):
        for u, i, r in ratings:
            pu = P[u].copy()
            qi = Q[i].copy()
            e = r - pu @ qi
            P[u] = pu + lr * e * qi - reg * pu
            Q[i] = qi + lr * e * pu - reg * qi
    return P, Q
