def vector_sum(values):
    return float(sum(values)
