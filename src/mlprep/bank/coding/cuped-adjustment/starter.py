import numpy as np


def cuped_effect(y, x, group):
    """Return (theta, effect, standard_error, variance_reduction)."""
    raise NotImplementedError
