"""Takes the weight-decay term at the parameters after the plain step, not before it."""

import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    w = np.array(w0, dtype=float)
    grads = np.asarray(grads, dtype=float).reshape(-1, w.size)
    velocity = np.zeros_like(w)
    path = np.empty((len(grads), w.size))
    for t, g in enumerate(grads):
        velocity = momentum * velocity + g
        velocity = velocity + weight_decay * (w - lr * velocity)
        w = w - lr * velocity
        path[t] = w
    return path
