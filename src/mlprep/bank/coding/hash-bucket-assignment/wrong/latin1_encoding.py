"""Encodes the key as Latin-1 (unencodable characters replaced by ?) instead of UTF-8."""

import hashlib
from bisect import bisect_right
from itertools import accumulate


def assign_variants(user_ids, experiment, allocation):
    names = [n for n, _ in allocation]
    bounds = list(accumulate(bp for _, bp in allocation))
    out = []
    for u in user_ids:
        d = hashlib.sha256(f"{experiment}:{u}".encode("latin-1", errors="replace")).digest()
        b = int.from_bytes(d[:8], "big") % 10_000
        out.append(names[bisect_right(bounds, b)])
    return out
