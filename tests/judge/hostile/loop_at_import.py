# expect: time_limit_exceeded
while True:
    pass


def vector_sum(values):
    return 0.0
