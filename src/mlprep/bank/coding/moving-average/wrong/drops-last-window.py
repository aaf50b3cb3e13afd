"""Loops over range(len(values) - window), one window too few: the last full window is
missing."""


def moving_average(values, window):
    values = [float(v) for v in values]
    return [sum(values[i : i + window]) / window for i in range(len(values) - window)]
