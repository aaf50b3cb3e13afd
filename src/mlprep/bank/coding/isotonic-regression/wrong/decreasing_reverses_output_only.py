"""For a non-increasing fit, fits the increasing problem and reverses the output without reversing the input."""

import numpy as np


def isotonic_regression(y, w, increasing):
    yv = [float(v) for v in np.asarray(y)]
    wv = [float(v) for v in np.asarray(w)]
    n = len(yv)
    if n == 0:
        return np.zeros(0, dtype=float)
    sign = 1.0
    means, weights, counts = [], [], []
    for i in range(n):
        m, ww, c = sign * yv[i], wv[i], 1
        while means and means[-1] > m:
            pm, pw, pc = means.pop(), weights.pop(), counts.pop()
            m = (pm * pw + m * ww) / (pw + ww)
            ww += pw
            c += pc
        means.append(m)
        weights.append(ww)
        counts.append(c)
    out = np.repeat(np.array(means), counts) * sign
    return out.astype(float) if increasing else out[::-1].astype(float)
