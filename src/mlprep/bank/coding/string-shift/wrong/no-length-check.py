"""Forgets the length check, so any substring of a + a counts as a shift."""


def can_shift(a, b):
    return b in a + a
