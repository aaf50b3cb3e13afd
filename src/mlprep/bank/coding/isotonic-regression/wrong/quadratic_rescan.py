"""Rescans the block list from the start after every merge: quadratic, too slow at n = 100,000."""

import numpy as np


def isotonic_regression(y, w, increasing):
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    s = 1.0 if increasing else -1.0
    blocks = [[s * y[i] * w[i], w[i], 1] for i in range(len(y))]
    changed = True
    while changed:
        changed = False
        for j in range(len(blocks) - 1):
            a, b = blocks[j], blocks[j + 1]
            if a[0] / a[1] > b[0] / b[1]:
                blocks[j] = [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
                del blocks[j + 1]
                changed = True
                break
    out = []
    for sm, ww, c in blocks:
        out += [s * sm / ww] * c
    return np.array(out, dtype=float)
