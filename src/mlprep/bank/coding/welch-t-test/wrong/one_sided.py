"""Returns the one-sided tail P(T >= |t|) instead of the two-sided p-value."""

import math

import numpy as np

TERMS = 200  # the continued fraction reaches 1e-9 within 40 levels on every allowed input


def _beta_cf(a, b, x):
    """1 / (1 + d1 / (1 + d2 / (1 + ...))), evaluated from the deepest level up."""
    f = 1.0
    for k in range(TERMS, 0, -1):
        f = 1.0 - (a + k) * (a + b + k) * x / ((a + 2 * k) * (a + 2 * k + 1)) / f
        f = 1.0 + k * (b - k) * x / ((a + 2 * k - 1) * (a + 2 * k)) / f
    return 1.0 / (1.0 - (a + b) * x / (a + 1.0) / f)


def _reg_inc_beta(a, b, x, y):
    """I_x(a, b), given x > 0 and y = 1 - x computed without cancellation."""
    if y == 0.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(y)
    )
    if x < (a + 1.0) / (a + b + 2.0):  # the fraction converges fast on this side
        return math.exp(log_front) * _beta_cf(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_cf(b, a, y) / b  # here I is not small


def welch_t_test(sample_a, sample_b):
    a = np.asarray(sample_a, dtype=float)
    b = np.asarray(sample_b, dtype=float)
    n, m = a.size, b.size
    qa = a.var(ddof=1) / n
    qb = b.var(ddof=1) / m
    if qa + qb == 0.0:
        return (math.nan, math.nan, math.nan)
    t = float((a.mean() - b.mean()) / math.sqrt(qa + qb))
    nu = float((qa + qb) ** 2 / (qa**2 / (n - 1) + qb**2 / (m - 1)))
    t2 = t * t
    p = _reg_inc_beta(nu / 2.0, 0.5, nu / (nu + t2), t2 / (nu + t2))
    return (t, nu, p / 2.0)
