"""Uses each group's own rate in the null term too (sqrt(p_a q_a + p_b q_b) twice)."""

import math
from statistics import NormalDist


def ab_test_sample_size(p_a, p_b, alpha, power, alternative):
    normal = NormalDist()
    tail = alpha / 2 if alternative == "two-sided" else alpha
    z_alpha = normal.inv_cdf(1 - tail)
    z_beta = normal.inv_cdf(power)
    null_sd = math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))
    alt_sd = math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))  # each at its own rate under H1
    n = (z_alpha * null_sd + z_beta * alt_sd) ** 2 / (p_b - p_a) ** 2
    return math.ceil(n)
