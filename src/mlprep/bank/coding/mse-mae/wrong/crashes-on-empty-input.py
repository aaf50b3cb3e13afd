"""Divides by len() in plain Python, which raises ZeroDivisionError on empty input."""


def mse_mae(y_true, y_pred):
    errors = [float(p) - float(t) for t, p in zip(y_true, y_pred)]
    n = len(errors)
    return (sum(e * e for e in errors) / n, sum(abs(e) for e in errors) / n)
