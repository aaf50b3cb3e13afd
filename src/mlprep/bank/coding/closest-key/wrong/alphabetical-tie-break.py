"""Visits the keys in sorted order, so ties go to the alphabetically smallest key."""


def closest_key(dictionary, input):
    best_key = None
    best_distance = None
    for key in sorted(dictionary):
        letters = dictionary[key]
        if input not in letters:
            continue
        distance = letters.index(input)
        if best_distance is None or distance < best_distance:
            best_key, best_distance = key, distance
    return best_key
