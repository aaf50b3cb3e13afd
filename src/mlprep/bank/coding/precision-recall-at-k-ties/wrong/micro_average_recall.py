"""Micro-averages recall (total hits over total relevant) instead of averaging it per query."""

def precision_recall_at_k(scores, labels, k):
    psum = 0.0
    nq = 0
    hsum = 0.0
    Rsum = 0
    rsum = 0.0
    nr = 0
    for s, l in zip(scores, labels):
        nq += 1
        s = [float(x) for x in s]
        l = [int(x) for x in l]
        n = len(s)
        R = sum(l)
        if n == 0:
            continue
        if n <= k:
            h = float(R)
        else:
            c = sorted(s, reverse=True)[k - 1]
            a = ra = g = rg = 0
            for x, y in zip(s, l):
                if x > c:
                    a += 1
                    ra += y
                elif x == c:
                    g += 1
                    rg += y
            h = ra + rg * (k - a) / g
        psum += h / k
        if R > 0:
            hsum += h
            Rsum += R
            nr += 1
    return (psum / nq if nq else 0.0, hsum / Rsum if Rsum else 0.0)
