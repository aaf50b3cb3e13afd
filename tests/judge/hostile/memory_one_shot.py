# expect: memory_limit_exceeded
import numpy as np


def vector_sum(values):
    big = np.ones(10**10)
    return float(big.sum())
