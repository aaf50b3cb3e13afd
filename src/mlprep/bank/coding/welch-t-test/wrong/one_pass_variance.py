"""Computes each variance in one pass as (sum x^2 - n mean^2)/(n - 1): cancels badly when the spread is tiny next to the mean (values 99.9 +- 0.002)."""

import math

import numpy as np


def _betacf(a, b, x):
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    if abs(d) < tiny:
        d = tiny
    d = 1.0 / d
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1.0 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1.0 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1.0 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1.0 / d
        de = d * c
        h *= de
        if abs(de - 1.0) < 1e-16:
            break
    return h


def _ibeta(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    if x > (a + 1.0) / (a + b + 2.0):
        return 1.0 - _ibeta(b, a, 1.0 - x)
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    return math.exp(lbt) * _betacf(a, b, x) / a


def welch_t_test(sample_a, sample_b):
    a = np.asarray(sample_a, dtype=float)
    b = np.asarray(sample_b, dtype=float)
    n, m = a.size, b.size
    qa = (np.sum(a * a) - n * a.mean() ** 2) / (n - 1) / n
    qb = (np.sum(b * b) - m * b.mean() ** 2) / (m - 1) / m
    qa = max(qa, 0.0); qb = max(qb, 0.0)
    s = qa + qb
    if s == 0:
        return (math.nan, math.nan, math.nan)
    t = float((a.mean() - b.mean()) / math.sqrt(s))
    nu = float(s * s / (qa * qa / (n - 1) + qb * qb / (m - 1)))
    t2 = t * t
    x = nu / (nu + t2)
    # compute 1-x directly to keep precision
    if t2 == 0:
        return (t, nu, 1.0)
    a_, b_ = nu / 2.0, 0.5
    if x > (a_ + 1.0) / (a_ + b_ + 2.0):
        y = t2 / (nu + t2)
        lbt = math.lgamma(a_ + b_) - math.lgamma(a_) - math.lgamma(b_) + b_ * math.log(y) + a_ * math.log1p(-y)
        p = 1.0 - math.exp(lbt) * _betacf(b_, a_, y) / b_
    else:
        lbt = math.lgamma(a_ + b_) - math.lgamma(a_) - math.lgamma(b_) + a_ * math.log(x) + b_ * math.log(t2 / (nu + t2))
        p = math.exp(lbt) * _betacf(a_, b_, x) / a_
    return (t, nu, float(p))
