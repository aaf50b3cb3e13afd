"""Allocates the output with the inputs' result dtype, so integer images and kernels truncate a fractional bias."""

import numpy as np


def conv2d(x, w, b, stride, padding):
    cin, H, W = x.shape
    cout, _, kh, kw = w.shape
    p, s = padding, stride
    Hp, Wp = H + 2 * p, W + 2 * p
    xp = [[[0.0] * Wp for _ in range(Hp)] for _ in range(cin)]
    for c in range(cin):
        for r in range(H):
            for q in range(W):
                xp[c][r + p][q + p] = float(x[c, r, q])
    ho = (Hp - kh) // s + 1
    wo = (Wp - kw) // s + 1
    out = np.empty((cout, ho, wo), dtype=np.result_type(x, w))
    wl = w.astype(float).tolist()
    for o in range(cout):
        for i in range(ho):
            for j in range(wo):
                acc = float(b[o])
                for c in range(cin):
                    for u in range(kh):
                        row = xp[c][i * s + u]
                        wr = wl[o][c][u]
                        for v in range(kw):
                            acc += wr[v] * row[j * s + v]
                out[o, i, j] = acc
    return out
