import math


def srm_check(counts, planned, alpha):
    """Return (chi2, p, srm): Pearson's statistic against the planned split, its p-value and p < alpha."""
    raise NotImplementedError
