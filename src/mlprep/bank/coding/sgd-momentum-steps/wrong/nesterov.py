"""Uses the Nesterov update w -= lr * (d + momentum * b) instead of plain momentum."""

import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    w = np.array(w0, dtype=float)
    grads = np.asarray(grads, dtype=float).reshape(-1, w.size)
    velocity = np.zeros_like(w)
    path = np.empty((len(grads), w.size))
    for t, g in enumerate(grads):
        g = g + weight_decay * w
        velocity = momentum * velocity + g
        w = w - lr * (g + momentum * velocity)
        path[t] = w
    return path
