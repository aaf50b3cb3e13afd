"""Uses the Laplace rates (s + 1)/(n + 2) as the posterior means in the losses, ignoring the prior."""

import math


def _lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _prob_greater(a1, b1, a2, b2):
    """P(Y > X), X ~ Beta(a1, b1), Y ~ Beta(a2, b2), a2 integer."""
    logs = []
    lb1 = _lbeta(a1, b1)
    for i in range(a2):
        logs.append(_lbeta(a1 + i, b1 + b2) - math.log(b2 + i) - _lbeta(1 + i, b2) - lb1)
    m = max(logs)
    return math.exp(m) * math.fsum(math.exp(x - m) for x in logs)


def bayesian_ab(successes_a, trials_a, successes_b, trials_b, prior_alpha, prior_beta):
    aa = prior_alpha + successes_a
    ba = prior_beta + trials_a - successes_a
    ab = prior_alpha + successes_b
    bb = prior_beta + trials_b - successes_b
    p = _prob_greater(aa, ba, ab, bb)
    ma = (successes_a + 1) / (trials_a + 2)
    mb = (successes_b + 1) / (trials_b + 2)
    p_aplus_gt_b = 1.0 - _prob_greater(aa + 1, ba, ab, bb)
    p_a_gt_bplus = 1.0 - _prob_greater(aa, ba, ab + 1, bb)
    loss_b = ma * p_aplus_gt_b - mb * p_a_gt_bplus
    loss_a = loss_b + mb - ma
    return (p, loss_b, loss_a)
