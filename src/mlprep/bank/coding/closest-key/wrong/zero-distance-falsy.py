"""Uses "not best_d" for "no best yet", so a best distance of 0 is forgotten and any later key holding the letter takes over."""

def closest_key(dictionary, input):
    best, best_d = None, None
    for k, lst in dictionary.items():
        if input in lst:
            i = lst.index(input)
            if not best_d or i < best_d:
                best, best_d = k, i
    return best
