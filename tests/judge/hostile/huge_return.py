# expect: output_limit_exceeded
def vector_sum(values):
    return "x" * (40 * 1024 * 1024)
