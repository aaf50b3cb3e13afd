# expect: syntax_error
def vector_sum(values)
    return sum(values)
