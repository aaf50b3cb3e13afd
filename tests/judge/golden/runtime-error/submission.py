def vector_sum(values):
    if len(values) == 0:
        return values[0]
    return float(sum(values))
