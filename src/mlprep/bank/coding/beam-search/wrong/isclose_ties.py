"""Treats scores within math.isclose(rel_tol=1e-9, abs_tol=1e-9) as tied, so a 1e-10 lead loses to the lexicographic rule."""

import math
from functools import cmp_to_key


def _cmp(a, b):
    if not math.isclose(a[1], b[1], rel_tol=1e-9, abs_tol=1e-9):
        return -1 if a[1] > b[1] else 1
    return -1 if a[0] < b[0] else (1 if a[0] > b[0] else 0)


def beam_search(log_probs, start, eos, beam_width, max_len):
    table = log_probs.tolist()
    v = len(table)
    live = [([start], 0.0)]
    finished = []
    for _ in range(max_len):
        if not live:
            break
        cands = []
        for seq, score in live:
            row = table[seq[-1]]
            for b in range(v):
                lp = row[b]
                if math.isfinite(lp):
                    cands.append((seq + [b], score + lp))
        cands.sort(key=cmp_to_key(_cmp))
        kept = cands[:beam_width]
        live = []
        for seq, score in kept:
            if seq[-1] == eos:
                finished.append((seq, score))
            else:
                live.append((seq, score))
    pool = finished + live
    best = sorted(pool, key=cmp_to_key(_cmp))[0]
    return best[0], float(best[1])
