import numpy as np


def ks_two_sample(sample_a, sample_b):
    """Return (D, p): the two-sample KS statistic and its asymptotic p-value."""
    raise NotImplementedError
