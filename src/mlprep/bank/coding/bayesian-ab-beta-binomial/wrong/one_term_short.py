"""Sums one term too few (i < a2 - 1 instead of i < a2)."""

import math

import numpy as np


def _prob_greater(a1, b1, a2, b2):
    """P(X2 > X1) for X1 ~ Beta(a1, b1), X2 ~ Beta(a2, b2), a2 a positive integer.

    Sum over i < a2 of B(a1 + i, b1 + b2) / ((b2 + i) B(1 + i, b2) B(a1, b1)); term 0 is
    B(a1, b1 + b2) / B(a1, b1) and each next term is the last one times
    (a1 + i)(b2 + i) / ((a1 + b1 + b2 + i)(1 + i)). Summed in log space (log-sum-exp).
    """
    i = np.arange(a2 - 2, dtype=float)
    log_ratio = np.log((a1 + i) * (b2 + i)) - np.log((a1 + b1 + b2 + i) * (1.0 + i))
    log_t0 = math.lgamma(b1 + b2) + math.lgamma(a1 + b1) - math.lgamma(a1 + b1 + b2) - math.lgamma(b1)
    log_terms = log_t0 + np.concatenate(([0.0], np.cumsum(log_ratio)))
    top = log_terms.max()
    return float(math.exp(top) * np.exp(log_terms - top).sum())


def bayesian_ab(successes_a, trials_a, successes_b, trials_b, prior_alpha, prior_beta):
    a_a = prior_alpha + successes_a
    b_a = prior_beta + trials_a - successes_a
    a_b = prior_alpha + successes_b
    b_b = prior_beta + trials_b - successes_b
    mean_a = a_a / (a_a + b_a)
    mean_b = a_b / (a_b + b_b)
    p_b_better = _prob_greater(a_a, b_a, a_b, b_b)
    # E[max(pA - pB, 0)] = mean_a P(A+ > B) - mean_b P(A > B+), A+ ~ Beta(a_a + 1, b_a)
    loss_b = mean_a * (1.0 - _prob_greater(a_a + 1, b_a, a_b, b_b)) - mean_b * (
        1.0 - _prob_greater(a_a, b_a, a_b + 1, b_b)
    )
    loss_a = loss_b + mean_b - mean_a
    return (p_b_better, loss_b, loss_a)
