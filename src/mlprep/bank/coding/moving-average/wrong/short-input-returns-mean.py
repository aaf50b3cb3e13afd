"""When the series is shorter than the window it returns the mean of what is there,
instead of an empty list."""


def moving_average(values, window):
    values = [float(v) for v in values]
    if len(values) < window:
        return [sum(values) / len(values)] if values else []
    return [sum(values[i : i + window]) / window for i in range(len(values) - window + 1)]
