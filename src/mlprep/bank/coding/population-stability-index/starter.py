import numpy as np


def population_stability_index(expected, actual, n_bins):
    """Return the PSI of `actual` against the bins of `expected`."""
    raise NotImplementedError
