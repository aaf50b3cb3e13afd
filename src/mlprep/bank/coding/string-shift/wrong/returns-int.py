"""Returns the int 1 or 0 instead of the bool True or False."""

def can_shift(a, b):
    return int(len(a) == len(b) and (a + a).find(b) >= 0)
