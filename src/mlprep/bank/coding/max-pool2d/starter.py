import numpy as np


def max_pool2d(x, size, stride):
    """Return the (C, H_out, W_out) max pooling of x with square windows."""
    raise NotImplementedError
