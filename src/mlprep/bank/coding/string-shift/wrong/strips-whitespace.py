"""Strips surrounding whitespace first: the prompt says spaces are characters like any other."""

def can_shift(a, b):
    a, b = a.strip(), b.strip()
    return len(a) == len(b) and b in a + a
