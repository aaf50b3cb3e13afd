import numpy as np


def als(ratings, observed, item_factors, lam, n_iters):
    """Return (user_factors (m, k), item_factors (n, k)) after n_iters ALS sweeps."""
    raise NotImplementedError
