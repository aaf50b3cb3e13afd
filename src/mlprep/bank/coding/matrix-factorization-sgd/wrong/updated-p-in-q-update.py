"""Updates p_u first and then uses the new p_u in the update of q_i (not simultaneous)."""
import numpy as np


def mf_sgd(ratings, P, Q, lr, reg, epochs):
    users = np.array(P, dtype=float)
    items = np.array(Q, dtype=float)
    for _ in range(int(epochs)):
        for u, i, r in ratings:
            error = r - users[u] @ items[i]
            users[u] += lr * (error * items[i] - reg * users[u])
            items[i] += lr * (error * users[u] - reg * items[i])
    return users, items
