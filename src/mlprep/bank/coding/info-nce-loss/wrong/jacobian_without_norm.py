"""Projects out the query direction but forgets to divide by |q|: wrong for queries that are not unit length."""

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
    dqh = ds @ kh / temperature
    G = dqh - qh * np.sum(qh * dqh, axis=1, keepdims=True)
    return loss, G
