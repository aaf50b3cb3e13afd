import numpy as np


def dropout(x, dout, p, seed, training):
    """Return (out, dx): the dropout output and the gradient with respect to x."""
    raise NotImplementedError
