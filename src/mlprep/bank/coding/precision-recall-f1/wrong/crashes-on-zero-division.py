"""Divides without guarding the denominators: raises when nothing is predicted positive."""

import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).ravel()
    pred = np.asarray(y_pred).ravel()
    tp = int(np.sum((truth == 1) & (pred == 1)))
    fp = int(np.sum((truth == 0) & (pred == 1)))
    fn = int(np.sum((truth == 1) & (pred == 0)))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return (precision, recall, f1)
