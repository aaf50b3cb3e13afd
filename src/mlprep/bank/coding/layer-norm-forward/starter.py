import numpy as np


def layer_norm(x, gamma, beta, eps):
    """Return layer normalisation of x over its last axis, scaled by gamma and shifted by beta."""
    raise NotImplementedError
