"""Takes quartiles as sorted[int(p * n)] (a nearest-rank style rule) without interpolation."""


def iqr_outliers(values):
    x = sorted(float(v) for v in values)
    if not x:
        return []
    n = len(x)
    q1, q3 = x[int(0.25 * n)], x[min(n - 1, int(0.75 * n))]
    spread = q3 - q1
    low, high = q1 - 1.5 * spread, q3 + 1.5 * spread
    return [float(v) < low or float(v) > high for v in values]
