import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    """Return the (K, K) int matrix: rows are true classes, columns predicted classes."""
    raise NotImplementedError
