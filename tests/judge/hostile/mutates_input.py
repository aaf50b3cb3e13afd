# expect: wrong_answer
def vector_sum(values):
    total = 0.0
    if isinstance(values, list):
        while values:
            total += float(values.pop())
        return total
    for v in values:
        total += float(v)
    values[:] = 0
    return total
