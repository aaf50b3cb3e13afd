# expect: time_limit_exceeded
def vector_sum(values):
    while True:
        pass
