def vector_sum(values):
    if not isinstance(values, list):
        raise TypeError("this reference only handles lists")
    return float(sum(values))
