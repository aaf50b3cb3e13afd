import numpy as np


def ipw_ate(y, treated, propensity, clip):
    """Return (Horvitz-Thompson ATE, Hajek ATE)."""
    raise NotImplementedError
