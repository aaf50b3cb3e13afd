"""Raises ValueError on empty input instead of returning three zeros."""

def precision_recall_f1(y_true, y_pred):
    pairs = list(zip(y_true, y_pred))
    tp = sum(1 for a, b in pairs if a == 1 and b == 1)
    pred_pos = sum(1 for _, b in pairs if b == 1)
    true_pos = sum(1 for a, _ in pairs if a == 1)
    if not pairs:
        raise ValueError("empty input")
    precision = tp / pred_pos if pred_pos else 0.0
    recall = tp / true_pos if true_pos else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return (float(precision), float(recall), float(f1))
