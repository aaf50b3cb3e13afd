"""Uses P(Z >= z) for the 'smaller' alternative too, the tail of the wrong direction."""

import math


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative):
    p = (successes_a + successes_b) / (n_a + n_b)
    if p == 0.0 or p == 1.0:
        return (0.0, 1.0)
    diff = successes_b / n_b - successes_a / n_a
    se = math.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    z = diff / se
    if alternative == "two-sided":
        pv = math.erfc(abs(z) / math.sqrt(2))
    elif alternative == "larger":
        pv = 0.5 * math.erfc(z / math.sqrt(2))
    else:
        pv = 0.5 * math.erfc(z / math.sqrt(2))
    return (float(z), float(pv))
