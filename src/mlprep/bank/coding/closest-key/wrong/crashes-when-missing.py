"""Takes min() over the matching keys, which raises when no list contains the letter."""


def closest_key(dictionary, input):
    distances = {
        key: letters.index(input) for key, letters in dictionary.items() if input in letters
    }
    return min(distances, key=distances.get)
