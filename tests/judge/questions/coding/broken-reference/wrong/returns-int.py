"""Truncates the total to an integer."""


def vector_sum(values):
    return int(sum(values))
