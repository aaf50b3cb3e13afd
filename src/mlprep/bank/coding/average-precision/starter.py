import numpy as np


def average_precision(labels, scores):
    """Return the average precision of `scores` for the binary `labels`."""
    raise NotImplementedError
