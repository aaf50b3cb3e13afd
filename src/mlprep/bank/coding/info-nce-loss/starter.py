import numpy as np


def info_nce(queries, keys, temperature):
    """Return (loss, gradient of the loss with respect to queries)."""
    raise NotImplementedError
