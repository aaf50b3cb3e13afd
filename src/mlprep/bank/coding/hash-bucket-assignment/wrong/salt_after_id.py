"""Hashes f"{user_id}:{experiment}", the id and the salt in the wrong order."""

import hashlib
from bisect import bisect_left, bisect_right
from itertools import accumulate


def assign_variants(user_ids, experiment, allocation):
    names = [name for name, _ in allocation]
    ends = list(accumulate(int(bp) for _, bp in allocation))  # variant i owns [ends[i-1], ends[i])
    out = []
    for uid in user_ids:
        digest = hashlib.sha256(f"{uid}:{experiment}".encode("utf-8")).digest()
        bucket = int.from_bytes(digest[:8], "big") % 10_000
        out.append(names[bisect_right(ends, bucket)])
    return out
