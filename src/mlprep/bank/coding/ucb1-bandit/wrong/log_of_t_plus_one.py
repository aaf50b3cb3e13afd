"""Counts the current round in the bonus: ln(t + 1) instead of ln t."""

import math


def ucb1(rewards, c):
    t_rounds, k = rewards.shape
    sums = [0] * k  # integer reward sums: s / n is then one correctly rounded division
    counts = [0] * k
    arms = []
    total = 0
    for t in range(t_rounds):
        if t < k:
            arm = t  # every arm once, in index order
        else:
            log_t = math.log(t + 1)
            best = None
            for a in range(k):
                index = sums[a] / counts[a] + c * math.sqrt(log_t / counts[a])
                if best is None or index > best:  # strict: ties keep the lower arm
                    best, arm = index, a
        reward = int(rewards[t, arm])
        sums[arm] += reward
        counts[arm] += 1
        total += reward
        arms.append(arm)
    return arms, total
