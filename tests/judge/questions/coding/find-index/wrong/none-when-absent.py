"""Returns None instead of -1."""


def find_index(values, target):
    for i, v in enumerate(values):
        if v == target:
            return i
