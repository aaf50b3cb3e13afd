"""Keeps the parameters in float32: over 500 steps the error passes rtol 1e-7."""

import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    w = np.array(w0, dtype=np.float32)
    G = np.asarray(grads, dtype=np.float64).reshape(-1, w.size)
    b = np.zeros_like(w)
    out = np.empty((G.shape[0], w.size))
    for t in range(G.shape[0]):
        d = G[t] + weight_decay * w
        b = momentum * b + d
        w = w - lr * b
        out[t] = w
    return out
