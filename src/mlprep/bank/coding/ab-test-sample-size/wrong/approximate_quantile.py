"""Uses the Abramowitz-Stegun rational approximation of the normal quantile (error about 4.5e-4): n lands on the next integer."""

import math


def _inv(p):
    # Abramowitz-Stegun 26.2.23 (error < 4.5e-4)
    q = p if p < 0.5 else 1 - p
    t = math.sqrt(-2 * math.log(q))
    x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
    return x if p >= 0.5 else -x


def ab_test_sample_size(p_a, p_b, alpha, power, alternative):
    za = _inv(1 - alpha / 2) if alternative == "two-sided" else _inv(1 - alpha)
    zb = _inv(power)
    pbar = (p_a + p_b) / 2
    num = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))) ** 2
    return int(math.ceil(num / (p_b - p_a) ** 2))
