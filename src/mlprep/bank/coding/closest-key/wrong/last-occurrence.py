"""Builds a letter-to-position map per list, where later repeats overwrite earlier ones,
so a repeated letter is measured at its last occurrence."""


def closest_key(dictionary, input):
    best_key = None
    best_distance = None
    for key, letters in dictionary.items():
        positions = {letter: i for i, letter in enumerate(letters)}
        if input not in positions:
            continue
        distance = positions[input]
        if best_distance is None or distance < best_distance:
            best_key, best_distance = key, distance
    return best_key
