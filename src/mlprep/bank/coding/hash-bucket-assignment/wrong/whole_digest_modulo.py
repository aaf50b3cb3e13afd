"""Takes the whole 32-byte digest modulo 10,000 instead of its first 8 bytes."""

import hashlib
from bisect import bisect_right
from itertools import accumulate


def assign_variants(user_ids, experiment, allocation):
    names = [n for n, _ in allocation]
    bounds = list(accumulate(bp for _, bp in allocation))
    out = []
    for u in user_ids:
        d = hashlib.sha256(f"{experiment}:{u}".encode("utf-8")).digest()
        b = int.from_bytes(d, "big") % 10_000
        out.append(names[bisect_right(bounds, b)])
    return out
