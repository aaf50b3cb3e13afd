def vector_sum(values):
    total = 0.0
    for v in values:
        total += float(v)
    return total
