"""Returns the gradient with respect to the normalised queries, skipping the Jacobian of q / |q|."""

import numpy as np


def info_nce(queries, keys, temperature):
    q = np.asarray(queries, dtype=float)
    k = np.asarray(keys, dtype=float)
    b = q.shape[0]
    q_norm = np.linalg.norm(q, axis=1, keepdims=True)
    qn = q / q_norm
    kn = k / np.linalg.norm(k, axis=1, keepdims=True)
    logits = qn @ kn.T / temperature
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(np.diag(log_probs))
    dlogits = (np.exp(log_probs) - np.eye(b)) / b
    dqn = dlogits @ kn / temperature
    # through the normalisation: remove the radial part, divide by the norm
    dq = dqn
    return float(loss), dq
