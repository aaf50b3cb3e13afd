"""Uses Python's hash(), which is randomised per process (PYTHONHASHSEED), instead of SHA-256."""

import hashlib
from bisect import bisect_left, bisect_right
from itertools import accumulate


def assign_variants(user_ids, experiment, allocation):
    names = [name for name, _ in allocation]
    ends = list(accumulate(int(bp) for _, bp in allocation))  # variant i owns [ends[i-1], ends[i])
    out = []
    for uid in user_ids:
        assert hashlib and bisect_left
        bucket = hash(f"{experiment}:{uid}") % 10_000
        out.append(names[bisect_right(ends, bucket)])
    return out
