"""Returns the best finished hypothesis whenever one exists, ignoring better live ones at the end."""

import math


def beam_search(log_probs, start, eos, beam_width, max_len):
    table = [[float(x) for x in row] for row in log_probs]
    live = [((start,), 0.0)]
    finished = []
    for _ in range(max_len):
        candidates = []
        for seq, score in live:
            for token, lp in enumerate(table[seq[-1]]):
                if lp != -math.inf:
                    candidates.append((seq + (token,), score + lp))
        # higher score first; equal scores: lexicographically smaller sequence first
        candidates.sort(key=lambda c: (-c[1], c[0]))
        live = []
        for seq, score in candidates[:beam_width]:
            (finished if seq[-1] == eos else live).append((seq, score))
        if not live:
            break
    best = min(finished or live, key=lambda c: (-c[1], c[0]))
    return list(best[0]), best[1]
