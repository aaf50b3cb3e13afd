def find_index(values, target):
    pass
