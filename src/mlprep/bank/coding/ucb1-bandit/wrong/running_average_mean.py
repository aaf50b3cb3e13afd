"""Keeps a running average mean += (r - mean) / n: equal fractions round apart and exact ties break the wrong way."""

import math


def ucb1(rewards, c):
    t_rounds, k = rewards.shape
    means = [0.0] * k
    counts = [0] * k
    arms = []
    total = 0
    for t in range(t_rounds):
        if t < k:
            arm = t
        else:
            best = None
            for a in range(k):
                index = means[a] + c * math.sqrt(math.log(t) / counts[a])
                if best is None or index > best:
                    best, arm = index, a
        reward = int(rewards[t, arm])
        counts[arm] += 1
        means[arm] += (reward - means[arm]) / counts[arm]
        total += reward
        arms.append(arm)
    return arms, total
