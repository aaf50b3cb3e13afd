"""Keeps the count, sum and sum of squares: E[x^2] - E[x]^2 cancels catastrophically far from zero."""

import math


def shard_statistics(ops):
    stats = {}
    out = []
    for kind, shard, arg in ops:
        if kind == "add":
            s = stats.setdefault(shard, [0, 0.0, 0.0])
            s[0] += 1
            s[1] += arg
            s[2] += arg * arg
        elif kind == "merge":
            src = stats.pop(arg, None)
            if src is None:
                continue
            dst = stats.setdefault(shard, [0, 0.0, 0.0])
            for i in range(3):
                dst[i] += src[i]
        else:
            n, total, squares = stats.get(shard, (0, 0.0, 0.0))
            if n == 0:
                out.append((0, math.nan, math.nan))
                continue
            m2 = squares - total * total / n
            out.append((n, total / n, m2 / (n - arg) if n > arg else math.nan))
    return out
