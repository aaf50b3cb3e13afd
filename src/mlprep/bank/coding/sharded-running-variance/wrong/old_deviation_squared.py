"""Welford update with the old deviation squared, delta * delta, instead of delta * (x - new mean)."""

import math


def shard_statistics(ops):
    stats = {}  # shard -> [count, mean, m2], m2 = sum of squared deviations from the mean
    out = []
    for kind, shard, arg in ops:
        if kind == "add":
            s = stats.setdefault(shard, [0, 0.0, 0.0])
            s[0] += 1
            delta = arg - s[1]
            s[1] += delta / s[0]
            s[2] += delta * delta
        elif kind == "merge":
            src = stats.pop(arg, None)
            if src is None:
                continue
            dst = stats.setdefault(shard, [0, 0.0, 0.0])
            n = dst[0] + src[0]
            if n == 0:
                continue
            delta = src[1] - dst[1]
            dst[1] += delta * src[0] / n
            dst[2] += src[2] + delta * delta * dst[0] * src[0] / n  # Chan et al.
            dst[0] = n
        else:
            n, mean, m2 = stats.get(shard, (0, 0.0, 0.0))
            variance = m2 / (n - arg) if n > arg else math.nan
            out.append((n, mean if n else math.nan, variance))
    return out
