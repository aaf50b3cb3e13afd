"""Off by one."""


def find_index(values, target):
    for i, v in enumerate(values):
        if v == target:
            return i + 1
    return -1
