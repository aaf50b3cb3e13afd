"""Plain-Python loops with math.exp, which raises OverflowError once |z| is large."""

import math


def logistic_regression_gd(X, y, learning_rate, iterations):
    rows = [[float(v) for v in row] for row in X]
    labels = [float(v) for v in y]
    n, d = len(rows), len(rows[0])
    weights = [0.0] * d
    bias = 0.0
    for _ in range(int(iterations)):
        grad_w = [0.0] * d
        grad_b = 0.0
        for row, label in zip(rows, labels):
            z = sum(a * b for a, b in zip(row, weights)) + bias
            error = 1.0 / (1.0 + math.exp(-z)) - label
            for j in range(d):
                grad_w[j] += row[j] * error / n
            grad_b += error / n
        weights = [w - learning_rate * g for w, g in zip(weights, grad_w)]
        bias -= learning_rate * grad_b
    return weights, bias
