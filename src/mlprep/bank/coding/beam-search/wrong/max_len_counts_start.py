"""Runs max_len - 1 steps, as if max_len counted the start token."""

import math


def beam_search(log_probs, start, eos, beam_width, max_len):
    table = log_probs.tolist()
    v = len(table)
    live = [([start], 0.0)]
    finished = []
    for _ in range(max_len - 1):
        if not live:
            break
        cands = []
        for seq, score in live:
            row = table[seq[-1]]
            for b in range(v):
                lp = row[b]
                if math.isfinite(lp):
                    cands.append((seq + [b], score + lp))
        cands.sort(key=lambda c: (-c[1], c[0]))
        kept = cands[:beam_width]
        live = []
        for seq, score in kept:
            if seq[-1] == eos:
                finished.append((seq, score))
            else:
                live.append((seq, score))
    pool = finished + live
    best = min(pool, key=lambda c: (-c[1], c[0]))
    return best[0], float(best[1])
