"""Correct values, but sums every window from scratch: O(n * window) time, too slow when
both the series and the window are long."""


def moving_average(values, window):
    values = [float(v) for v in values]
    return [sum(values[i : i + window]) / window for i in range(len(values) - window + 1)]
