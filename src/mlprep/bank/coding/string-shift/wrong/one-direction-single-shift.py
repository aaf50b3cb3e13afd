"""Only tries b equal to a or a shifted by exactly one position, not every shift."""


def can_shift(a, b):
    if len(a) != len(b):
        return False
    return b == a or b == a[1:] + a[:1]
