"""Lets NumPy divide 0 by 0, so undefined ratios come back as NaN instead of 0.0."""

import numpy as np


def precision_recall_f1(y_true, y_pred):
    truth = np.asarray(y_true).ravel()
    pred = np.asarray(y_pred).ravel()
    tp = np.sum((truth == 1) & (pred == 1)).astype(float)
    fp = np.sum((truth == 0) & (pred == 1)).astype(float)
    fn = np.sum((truth == 1) & (pred == 0)).astype(float)
    with np.errstate(all="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return (float(precision), float(recall), float(f1))
