import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros((n, k))
    valid = t != ignore_index  # compare values: ignore_index may be a real class id
    count = int(np.count_nonzero(valid))
    if count == 0:
        return 0.0, grad
    zv, tv = z[valid], t[valid]
    shift = zv.max(axis=1, keepdims=True)
    log_p = zv - (shift + np.log(np.exp(zv - shift).sum(axis=1, keepdims=True)))
    q = np.full(zv.shape, epsilon / k)  # smoothed target: eps spread over all K classes
    q[np.arange(count), tv] += 1.0 - epsilon
    loss = float(-(q * log_p).sum()) / count
    grad[valid] = (np.exp(log_p) - q) / count
    return loss, grad
