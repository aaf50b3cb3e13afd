"""Treats empty input as invalid and returns False even for two empty strings."""


def can_shift(a, b):
    if not a or not b:
        return False
    return len(a) == len(b) and b in a + a
