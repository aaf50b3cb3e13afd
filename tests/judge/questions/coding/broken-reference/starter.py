def vector_sum(values):
    pass
