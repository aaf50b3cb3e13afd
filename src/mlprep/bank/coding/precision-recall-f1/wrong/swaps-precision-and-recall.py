"""Divides by the actual positives for precision and by the predicted positives for recall."""

import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).ravel()
    pred = np.asarray(y_pred).ravel()
    tp = int(np.sum((truth == 1) & (pred == 1)))
    fp = int(np.sum((truth == 0) & (pred == 1)))
    fn = int(np.sum((truth == 1) & (pred == 0)))
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (precision, recall, f1)
