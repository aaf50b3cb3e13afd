import numpy as np


def top_k_top_p(probs, k, p):
    """Return the next-token distribution after top-k and then top-p filtering, renormalised."""
    raise NotImplementedError
