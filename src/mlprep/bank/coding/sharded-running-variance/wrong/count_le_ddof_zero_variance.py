"""Reports variance 0.0 instead of nan when count <= ddof (one value queried with ddof = 1)."""

import math


def shard_statistics(ops):
    st = {}
    out = []
    for op, a, b in ops:
        if op == "add":
            n, mean, m2 = st.get(a, (0, 0.0, 0.0))
            x = float(b)
            n += 1
            d = x - mean
            mean += d / n
            m2 += d * (x - mean)
            st[a] = (n, mean, m2)
        elif op == "merge":
            s = st.pop(b, (0, 0.0, 0.0))
            nb, mb, m2b = s
            if nb == 0:
                continue
            na, ma, m2a = st.get(a, (0, 0.0, 0.0))
            n = na + nb
            d = mb - ma
            mean = ma + d * nb / n
            m2 = m2a + m2b + d * d * na * nb / n
            st[a] = (n, mean, m2)
        else:
            n, mean, m2 = st.get(a, (0, 0.0, 0.0))
            if n == 0:
                out.append((0, math.nan, math.nan))
            else:
                var = m2 / (n - b) if n > b else 0.0
                out.append((n, mean, var))
    return out
