"""Returns the index as a float."""


def find_index(values, target):
    for i, v in enumerate(values):
        if v == target:
            return float(i)
    return -1
