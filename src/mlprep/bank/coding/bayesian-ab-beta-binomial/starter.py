import math

import numpy as np


def bayesian_ab(successes_a, trials_a, successes_b, trials_b, prior_alpha, prior_beta):
    """Return (P(p_B > p_A), expected loss of shipping B, expected loss of keeping A)."""
    raise NotImplementedError
