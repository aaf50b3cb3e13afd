"""Empties the list while summing it."""


def vector_sum(values):
    total = 0.0
    if isinstance(values, list):
        while values:
            total += values.pop()
        return total
    return float(sum(values))
