import numpy as np


def adam_steps(w0, grads, lr, beta1, beta2, eps):
    """Return the (T, D) parameters after each of the T Adam steps."""
    raise NotImplementedError
