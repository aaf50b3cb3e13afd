import numpy as np


def ipw_ate(y, treated, propensity, clip):
    y = np.asarray(y, dtype=float)
    t = np.asarray(treated) == 1
    e = np.clip(np.asarray(propensity, dtype=float), clip, 1.0 - clip)
    w1 = np.where(t, 1.0 / np.where(t, e, 1.0), 0.0)
    w0 = np.where(~t, 1.0 / np.where(~t, 1.0 - e, 1.0), 0.0)
    n = len(y)
    ht = float(np.sum(w1 * y) / n - np.sum(w0 * y) / n)
    hajek = float(np.sum(w1 * y) / np.sum(w1) - np.sum(w0 * y) / np.sum(w0))
    return ht, hajek
