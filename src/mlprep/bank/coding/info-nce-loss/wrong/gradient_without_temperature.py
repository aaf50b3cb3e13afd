"""Divides the logits by tau in the loss but leaves the 1/tau factor out of the gradient."""

import numpy as np


def info_nce(queries, keys, temperature):
    q = np.asarray(queries, dtype=float)
    k = np.asarray(keys, dtype=float)
    B = q.shape[0]
    qn = np.linalg.norm(q, axis=1, keepdims=True)
    qh = q / qn
    kh = k / np.linalg.norm(k, axis=1, keepdims=True)
    s = qh @ kh.T / temperature
    m = s.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(s - m).sum(axis=1))
    loss = float(np.mean(lse - np.diag(s)))
    p = np.exp(s - lse[:, None])
    ds = (p - np.eye(B)) / B
    dqh = ds @ kh
    G = (dqh - qh * np.sum(qh * dqh, axis=1, keepdims=True)) / qn
    return loss, G
