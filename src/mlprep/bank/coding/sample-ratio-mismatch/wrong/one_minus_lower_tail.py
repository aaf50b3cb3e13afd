"""Computes p as 1 minus the lower tail (erf instead of erfc, 1 - e^-h series): tiny p-values come out as 0."""

import math


def _chi2_upper_tail(x, df):
    """P(X >= x) for a chi-square variable with an integer df >= 1, in closed form.

    Q(s + 1, h) = Q(s, h) + h^s e^(-h) / Gamma(s + 1) with h = x / 2, starting from
    Q(1, h) = e^(-h) for even df and Q(1/2, h) = erfc(sqrt(h)) for odd df; every term
    is positive, so a tiny tail keeps its relative precision.
    """
    h = x / 2.0
    if df % 2 == 0:
        term = math.exp(-h)
        total = 1.0 - (1.0 - term)
        for j in range(1, df // 2):
            term *= h / j
            total += term
        return total
    total = 1.0 - math.erf(math.sqrt(h))
    term = 2.0 * math.sqrt(h / math.pi) * math.exp(-h)
    for j in range(1, (df + 1) // 2):
        total += term
        term *= h / (j + 0.5)
    return total


def srm_check(counts, planned, alpha):
    n = sum(counts)
    if n == 0:
        return (0.0, 1.0, False)
    weight = math.fsum(planned)
    chi2 = 0.0
    for observed, share in zip(counts, planned):
        expected = n * share / weight
        chi2 += (observed - expected) ** 2 / expected
    p = _chi2_upper_tail(chi2, len(counts) - 1)
    return (chi2, p, p < alpha)
