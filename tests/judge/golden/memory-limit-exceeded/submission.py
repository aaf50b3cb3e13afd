def vector_sum(values):
    keep = [bytearray(64 * 1024 * 1024) for _ in range(8)]
    return float(sum(values)) + len(keep)
