import numpy as np


def single_linkage(X, k):
    """Return the cluster of each point (a list of n ints, numbered by first appearance)."""
    raise NotImplementedError
