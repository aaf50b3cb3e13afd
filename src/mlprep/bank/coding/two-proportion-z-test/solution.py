import math


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    variance = pooled * (1 - pooled) * (1 / n_a + 1 / n_b)
    if variance == 0:  # no successes or no failures at all: no evidence either way
        return 0.0, 1.0
    # the rate difference from integers, so equal rates give exactly 0
    diff = (successes_b * n_a - successes_a * n_b) / (n_a * n_b)
    z = diff / math.sqrt(variance)
    # upper tails with erfc: 1 - cdf(z) loses every digit once the tail is below 1e-16
    if alternative == "two-sided":
        p = math.erfc(abs(z) / math.sqrt(2))
    elif alternative == "larger":
        p = 0.5 * math.erfc(z / math.sqrt(2))
    else:  # "smaller"
        p = 0.5 * math.erfc(-z / math.sqrt(2))
    return z, p
