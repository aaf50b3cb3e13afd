import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    truth = np.asarray(y_true, dtype=int).ravel()
    pred = np.asarray(y_pred, dtype=int).ravel()
    k = int(num_classes)
    flat = np.bincount(truth * k + pred, minlength=k * k)
    return flat.reshape(k, k)
