"""Tries only the shift that lines up the first occurrence of b[0] in a: a periodic or repeated-letter string can match at a later occurrence."""

def can_shift(a, b):
    if len(a) != len(b):
        return False
    if not a:
        return True
    k = a.find(b[0])
    return k >= 0 and a[k:] + a[:k] == b
