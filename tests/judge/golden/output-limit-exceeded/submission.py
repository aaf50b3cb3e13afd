def vector_sum(values):
    for _ in range(10**6):
        print("debugging " * 100)
    return float(sum(values))
