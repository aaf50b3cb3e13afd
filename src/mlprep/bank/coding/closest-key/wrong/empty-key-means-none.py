"""Starts from the empty string as "no key yet" and tests its truthiness, so a winning key "" is reported as None."""

def closest_key(dictionary, input):
    best, best_d = "", float("inf")
    for k, lst in dictionary.items():
        if input in lst and lst.index(input) < best_d:
            best, best_d = k, lst.index(input)
    return best if best else None
