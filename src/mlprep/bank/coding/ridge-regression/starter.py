import numpy as np


def ridge_regression(X, y, alpha):
    """Return (w, b) minimising sum of squared errors + alpha * ||w||^2 (b not penalised)."""
    raise NotImplementedError
