def find_index(values, target):
    for i, v in enumerate(values):
        if v == target:
            return i
    return -1
