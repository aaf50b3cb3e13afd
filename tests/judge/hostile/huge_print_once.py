# expect: output_limit_exceeded
def vector_sum(values):
    print("y" * (8 * 1024 * 1024))
    return float(sum(values))
