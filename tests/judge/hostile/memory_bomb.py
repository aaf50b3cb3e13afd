# expect: memory_limit_exceeded
def vector_sum(values):
    hoard = []
    while True:
        hoard.append(bytearray(50 * 1024 * 1024))
