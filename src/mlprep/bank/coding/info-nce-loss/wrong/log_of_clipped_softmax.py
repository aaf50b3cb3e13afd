"""Takes log of the softmax clipped at 1e-12 instead of a log-softmax: at tau = 0.001 the loss saturates near 27.6."""

import numpy as np


def info_nce(queries, keys, temperature):
    q = np.asarray(queries, dtype=float)
    k = np.asarray(keys, dtype=float)
    B = q.shape[0]
    qn = np.linalg.norm(q, axis=1, keepdims=True)
    qh = q / qn
    kh = k / np.linalg.norm(k, axis=1, keepdims=True)
    s = qh @ kh.T / temperature
    e = np.exp(s - s.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(np.clip(np.diag(p), 1e-12, None))))
    dqh = (p - np.eye(B)) / B @ kh / temperature
    G = (dqh - qh * np.sum(qh * dqh, axis=1, keepdims=True)) / qn
    return loss, G
