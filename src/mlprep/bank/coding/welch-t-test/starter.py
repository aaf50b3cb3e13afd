import math

import numpy as np


def welch_t_test(sample_a, sample_b):
    """Return (t, nu, p): Welch's statistic (A minus B), its degrees of freedom and the two-sided p-value."""
    raise NotImplementedError
