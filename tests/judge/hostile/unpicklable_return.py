# expect: wrong_answer
def vector_sum(values):
    return (v for v in values)
