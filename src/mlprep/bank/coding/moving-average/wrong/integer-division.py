"""Divides with //, which floors the mean of integer windows."""


def moving_average(values, window):
    if len(values) < window:
        return []
    out = []
    for i in range(len(values) - window + 1):
        out.append(sum(values[i : i + window]) // window)
    return out
