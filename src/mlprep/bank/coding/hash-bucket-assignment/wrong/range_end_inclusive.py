"""Gives a variant its end bucket too (bisect_left): the first bucket of each range goes to the previous variant."""

import hashlib
from bisect import bisect_left, bisect_right
from itertools import accumulate


def assign_variants(user_ids, experiment, allocation):
    names = [name for name, _ in allocation]
    ends = list(accumulate(int(bp) for _, bp in allocation))  # variant i owns [ends[i-1], ends[i])
    out = []
    for uid in user_ids:
        digest = hashlib.sha256(f"{experiment}:{uid}".encode("utf-8")).digest()
        bucket = int.from_bytes(digest[:8], "big") % 10_000
        out.append(names[bisect_left(ends, bucket)])
    return out
