"""Rescans every item for every distinct threshold: O(n^2), over the time limit at 200,000 items."""

def average_precision(labels, scores):
    labels = [int(v) for v in labels]
    scores = [float(v) for v in scores]
    P = sum(labels)
    if P == 0:
        return 0.0
    ap = 0.0
    prev_r = 0.0
    for t in sorted(set(scores), reverse=True):
        sel = [y for y, s in zip(labels, scores) if s >= t]
        tp = sum(sel)
        r = tp / P
        ap += (r - prev_r) * tp / len(sel)
        prev_r = r
    return ap
