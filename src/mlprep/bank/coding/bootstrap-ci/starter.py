import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    """Return (lower, upper): the percentile bootstrap interval of the mean."""
    raise NotImplementedError
