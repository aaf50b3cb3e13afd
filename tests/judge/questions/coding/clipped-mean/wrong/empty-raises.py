"""Divides by zero on no values."""


def clipped_mean(values, low, high):
    return sum(min(max(v, low), high) for v in values) / len(values)
