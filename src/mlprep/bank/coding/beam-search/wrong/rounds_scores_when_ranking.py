"""Ranks each step's candidates on scores rounded to 6 decimals (a tolerance for ties), so a 1e-10 lead is lost when the width cuts; the final pick uses exact scores."""

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
        for seq, score in live:
            row = table[seq[-1]]
            for b in range(v):
                lp = row[b]
                if math.isfinite(lp):
                    cands.append((seq + [b], score + lp))
        cands.sort(key=lambda c: (-round(c[1], 6), c[0]))
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
