def vector_sum(values):
    print("summing", len(values), "values")
    total = 0.0
    for v in values:
        total += float(v)
    return total
