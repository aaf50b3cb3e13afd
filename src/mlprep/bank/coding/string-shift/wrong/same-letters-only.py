"""Checks only that both strings use the same letters (an anagram test), not their order."""


def can_shift(a, b):
    return sorted(a) == sorted(b)
