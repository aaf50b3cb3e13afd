"""Shifts the logits by one maximum over the whole matrix instead of each row's own:
at a low temperature a row far below the global maximum underflows to log(0)."""

import numpy as np


def info_nce(queries, keys, temperature):
    q = np.asarray(queries, dtype=float)
    k = np.asarray(keys, dtype=float)
    b = q.shape[0]
    q_norm = np.linalg.norm(q, axis=1, keepdims=True)
    qn = q / q_norm
    kn = k / np.linalg.norm(k, axis=1, keepdims=True)
    logits = qn @ kn.T / temperature
    shifted = logits - logits.max()
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(np.diag(log_probs))
    dlogits = (np.exp(log_probs) - np.eye(b)) / b
    dqn = dlogits @ kn / temperature
    # through the normalisation: remove the radial part, divide by the norm
    dq = (dqn - qn * np.sum(qn * dqn, axis=1, keepdims=True)) / q_norm
    return float(loss), dq
