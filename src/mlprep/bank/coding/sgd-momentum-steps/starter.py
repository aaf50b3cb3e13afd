import numpy as np


def sgd_momentum_steps(w0, grads, lr, momentum, weight_decay):
    """Return the (T, D) parameters after each of the T SGD-with-momentum steps."""
    raise NotImplementedError
