"""Also emits the partial windows at the start (mean of the first 1, 2, ... values), so
it returns len(values) results instead of only the full windows."""


def moving_average(values, window):
    values = [float(v) for v in values]
    out = []
    total = 0.0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        out.append(total / min(i + 1, window))
    return out
