"""Returns nan for chi2 and p when no user has arrived (N = 0) instead of (0.0, 1.0, False)."""

import math


def _gser(s, h):
    # lower regularized P(s, h) by series
    ap, total, term = s, 1.0 / s, 1.0 / s
    for _ in range(100000):
        ap += 1.0
        term *= h / ap
        total += term
        if abs(term) < abs(total) * 1e-17:
            break
    return total * math.exp(-h + s * math.log(h) - math.lgamma(s))


def _gcf(s, h):
    tiny = 1e-300
    b = h + 1.0 - s
    c = 1.0 / tiny
    d = 1.0 / b
    f = d
    for i in range(1, 100000):
        an = -i * (i - s)
        b += 2.0
        d = an * d + b
        if abs(d) < tiny:
            d = tiny
        c = b + an / c
        if abs(c) < tiny:
            c = tiny
        d = 1.0 / d
        delta = d * c
        f *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    return math.exp(-h + s * math.log(h) - math.lgamma(s)) * f


def _gammaq(s, h):
    if h <= 0.0:
        return 1.0
    if h < s + 1.0:
        return 1.0 - _gser(s, h)
    return _gcf(s, h)


def srm_check(counts, planned, alpha):
    n_total = sum(counts)
    if n_total == 0:
        return (float('nan'), float('nan'), False)
    w_total = sum(planned)
    chi2 = 0.0
    for o, w in zip(counts, planned):
        e = n_total * w / w_total
        chi2 += (o - e) ** 2 / e
    p = _gammaq((len(counts) - 1) / 2.0, chi2 / 2.0)
    return (float(chi2), float(p), bool(p < alpha))
