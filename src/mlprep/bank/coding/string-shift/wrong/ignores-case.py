"""Lower-cases both strings first, so strings differing only in case count as shifts."""


def can_shift(a, b):
    a, b = a.lower(), b.lower()
    return len(a) == len(b) and b in a + a
