import math


def shard_statistics(ops):
    stats = {}  # shard -> [count, mean, m2], m2 = sum of squared deviations from the mean
    out = []
    for kind, shard, arg in ops:
        if kind == "add":
            s = stats.get(shard)
            if s is None:
                stats[shard] = [1, float(arg), 0.0]
                continue
            s[0] += 1
            delta = arg - s[1]
            s[1] += delta / s[0]
            s[2] += delta * (arg - s[1])  # Welford: old deviation times new deviation
        elif kind == "merge":
            src = stats.pop(arg, None)
            if src is None:  # an empty or unknown source changes nothing
                continue
            dst = stats.get(shard)
            if dst is None:  # the source's summary moves to the new name
                stats[shard] = src
                continue
            n = dst[0] + src[0]
            delta = src[1] - dst[1]
            dst[1] += delta * src[0] / n
            dst[2] += src[2] + delta * delta * dst[0] * src[0] / n  # Chan et al.
            dst[0] = n
        else:
            n, mean, m2 = stats.get(shard, (0, math.nan, math.nan))
            out.append((n, mean, m2 / (n - arg) if n > arg else math.nan))
    return out
