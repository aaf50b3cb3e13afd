def clipped_mean(values, low, high):
    total = 0.0
    for v in values:
        if v < low:
            v = low
        elif v > high:
            v = high
        total += v
    return total / len(values) if values else 0.0
