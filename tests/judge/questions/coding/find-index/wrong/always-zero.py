"""Always answers 0."""


def find_index(values, target):
    return 0
