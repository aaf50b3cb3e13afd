"""Stores every value and recomputes the statistics at each query (exact, but O(n) per query)."""

import math

import numpy as np


def shard_statistics(ops):
    values = {}
    out = []
    for kind, shard, arg in ops:
        if kind == "add":
            values.setdefault(shard, []).append(float(arg))
        elif kind == "merge":
            src = values.pop(arg, [])
            if src or shard in values:
                values.setdefault(shard, []).extend(src)
        else:
            data = np.array(values.get(shard, []))
            n = data.size
            if n == 0:
                out.append((0, math.nan, math.nan))
                continue
            mean = float(data.mean())
            m2 = float(((data - mean) ** 2).sum())
            out.append((n, mean, m2 / (n - arg) if n > arg else math.nan))
    return out
