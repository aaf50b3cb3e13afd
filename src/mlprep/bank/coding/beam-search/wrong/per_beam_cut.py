"""Keeps the beam_width best extensions of each live hypothesis instead of the best over all of them."""

import math


def beam_search(log_probs, start, eos, beam_width, max_len):
    table = [[float(x) for x in row] for row in log_probs]
    live = [((start,), 0.0)]
    finished = []
    for _ in range(max_len):
        candidates = []
        for seq, score in live:
            mine = [
                (seq + (t,), score + lp) for t, lp in enumerate(table[seq[-1]]) if lp != -math.inf
            ]
            mine.sort(key=lambda c: (-c[1], c[0]))
            candidates.extend(mine[:beam_width])
        live = []
        for seq, score in candidates:
            (finished if seq[-1] == eos else live).append((seq, score))
        if not live:
            break
    best = min(finished + live, key=lambda c: (-c[1], c[0]))
    return list(best[0]), best[1]
