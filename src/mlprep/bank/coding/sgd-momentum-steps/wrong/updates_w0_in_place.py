"""Updates w0 and the velocity in place, so the caller's starting parameters change."""

import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    w = w0
    b = np.zeros_like(w, dtype=float)
    out = np.empty((len(grads), w.size))
    for t, g in enumerate(grads):
        b *= momentum
        b += g + weight_decay * w
        w -= lr * b
        out[t] = w
    return out
