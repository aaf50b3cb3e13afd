"""Skips the first value."""


def vector_sum(values):
    return float(sum(list(values)[1:]))
