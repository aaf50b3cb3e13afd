"""Breaks score ties by the parent's rank in the beam and then the new token, not by the whole sequence: a lower-ranked parent can be lexicographically smaller."""

import math


def beam_search(log_probs, start, eos, beam_width, max_len):
    table = log_probs.tolist()
    v = len(table)
    live = [([start], 0.0)]
    finished = []
    for _ in range(max_len):
        if not live:
            break
        cands = []
        for r, (seq, score) in enumerate(live):
            row = table[seq[-1]]
            for b in range(v):
                lp = row[b]
                if math.isfinite(lp):
                    cands.append((seq + [b], score + lp, r, b))
        cands.sort(key=lambda c: (-c[1], c[2], c[3]))
        cands = [(c[0], c[1]) for c in cands]
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
