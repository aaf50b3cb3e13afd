import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    """Return (P_trained, Q_trained) after `epochs` passes of SGD over `ratings`."""
    raise NotImplementedError
