"""Compares letters case-insensitively, so "A" matches "a" although they are different letters."""

def closest_key(dictionary, input):
    best, best_d = None, None
    for k, lst in dictionary.items():
        low = [c.lower() for c in lst]
        if input.lower() in low:
            i = low.index(input.lower())
            if best_d is None or i < best_d:
                best, best_d = k, i
    return best
