"""Approximates both posteriors by normal distributions (mean and variance of each Beta)."""

import math


def bayesian_ab(successes_a, trials_a, successes_b, trials_b, prior_alpha, prior_beta):
    a_a = prior_alpha + successes_a
    b_a = prior_beta + trials_a - successes_a
    a_b = prior_alpha + successes_b
    b_b = prior_beta + trials_b - successes_b
    mean_a = a_a / (a_a + b_a)
    mean_b = a_b / (a_b + b_b)
    var_a = a_a * b_a / ((a_a + b_a) ** 2 * (a_a + b_a + 1))
    var_b = a_b * b_b / ((a_b + b_b) ** 2 * (a_b + b_b + 1))
    d, s = mean_b - mean_a, math.sqrt(var_a + var_b)
    z = d / s
    p_b_better = 0.5 * math.erfc(-z / math.sqrt(2))
    pdf = math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    loss_a = d * p_b_better + s * pdf  # E[max(D, 0)] for D ~ N(d, s^2)
    loss_b = loss_a - d
    return (p_b_better, loss_b, loss_a)
