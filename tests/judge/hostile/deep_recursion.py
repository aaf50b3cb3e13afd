# expect: runtime_error
def vector_sum(values):
    return vector_sum(values) + 1
