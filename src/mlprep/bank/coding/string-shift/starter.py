def can_shift(a, b):
    """Return True when b is a rotation (shift) of a, else False."""
    raise NotImplementedError
