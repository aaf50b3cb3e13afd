"""Gives an empty shard the mean nan (as a query reports it) and merges with that nan, so merging into an empty shard yields nan."""

import math


def shard_statistics(ops):
    # empty shards carry mean nan, as reported
    st = {}
    out = []
    for op, a, b in ops:
        if op == "add":
            n, mean, m2 = st.get(a, (0, math.nan, 0.0))
            x = float(b)
            if n == 0:
                st[a] = (1, x, 0.0)
                continue
            n += 1
            d = x - mean
            mean += d / n
            m2 += d * (x - mean)
            st[a] = (n, mean, m2)
        elif op == "merge":
            nb, mb, m2b = st.pop(b, (0, math.nan, 0.0))
            na, ma, m2a = st.get(a, (0, math.nan, 0.0))
            n = na + nb
            if n == 0:
                continue
            d = mb - ma
            st[a] = (n, ma + d * nb / n, m2a + m2b + d * d * na * nb / n)
        else:
            n, mean, m2 = st.get(a, (0, math.nan, 0.0))
            if n == 0:
                out.append((0, math.nan, math.nan))
            else:
                out.append((n, mean, m2 / (n - b) if n > b else math.nan))
    return out
