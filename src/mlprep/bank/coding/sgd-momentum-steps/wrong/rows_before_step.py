"""Records the parameters before each step: row t - 1 holds w_(t-1) instead of w_t."""

import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    w = np.array(w0, dtype=np.float64)
    G = np.asarray(grads, dtype=np.float64).reshape(-1, w.size)
    b = np.zeros_like(w)
    out = np.empty((G.shape[0], w.size))
    for t in range(G.shape[0]):
        out[t] = w
        d = G[t] + weight_decay * w
        b = momentum * b + d
        w = w - lr * b
    return out
