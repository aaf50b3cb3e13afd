"""Empties the merged source by resetting only its count: its old mean and M2 linger and leak into values added to it later."""

import math


def shard_statistics(ops):
    st = {}
    out = []
    for op, a, b in ops:
        if op == "add":
            s = st.setdefault(a, [0, 0.0, 0.0])
            x = float(b)
            s[0] += 1
            d = x - s[1]
            s[1] += d / s[0]
            s[2] += d * (x - s[1])
        elif op == "merge":
            src = st.setdefault(b, [0, 0.0, 0.0])
            dst = st.setdefault(a, [0, 0.0, 0.0])
            nb, mb, m2b = src
            if nb == 0:
                continue
            na, ma, m2a = dst
            n = na + nb
            d = mb - ma
            dst[0], dst[1], dst[2] = n, ma + d * nb / n, m2a + m2b + d * d * na * nb / n
            src[0] = 0  # emptied
        else:
            n, mean, m2 = st.get(a, (0, 0.0, 0.0))
            if n == 0:
                out.append((0, math.nan, math.nan))
            else:
                out.append((n, mean, m2 / (n - b) if n > b else math.nan))
    return out
