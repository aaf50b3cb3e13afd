import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    positive = np.asarray(targets) == 1
    sign = np.where(positive, 1.0, -1.0)
    z = sign * x  # p_t = sigmoid(z)
    soft = np.log1p(np.exp(-np.abs(z)))
    log_pt = -(np.maximum(-z, 0.0) + soft)  # log sigmoid(z), finite for any z
    log_qt = -(np.maximum(z, 0.0) + soft)  # log (1 - p_t) = log sigmoid(-z)
    pt, qt = np.exp(log_pt), np.exp(log_qt)
    weight = np.where(positive, alpha, 1.0 - alpha)
    modulating = qt**gamma
    norm = max(1, int(np.count_nonzero(positive)))
    loss = float(np.sum(-weight * modulating * log_pt)) / norm
    grad = weight * sign * modulating * (gamma * pt * log_pt - qt) / norm
    return loss, grad
