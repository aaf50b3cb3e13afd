"""How much one passage read as contradicting many claims costs, on the tuning answers.

    python scripts/passage_contradictions.py --readings FILE

The shipped hybrid lets any passage contradict any claim, so one sentence the claim model
reads as a denial of everything ("Shuffling sessions is wrong: ...") zeroes a strong
answer (14 of the bank's strong samples score below 0.3). The rules tried here keep, per
passage, only its k most contradicted criterion claims (optionally only for passages
that contradict more than a share of them), and score the bank's samples and the
independent fitting answers with the shipped numbers otherwise. Tuning data only: the
held-out sets are never read here. Readings: grading_misses.py's cache (tune_hybrid.py
--readings), reused when there.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from grading_misses import claim_readings
from tune_hybrid import FastHybrid, independent_answers, summary, tuning_answers

from mlprep.grading._claim_model import CONTRADICTS, NEUTRAL, ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading
from mlprep.grading._hybrid import HybridParams, HybridReading
from mlprep.grading._lexical import LexicalGrader
from mlprep.grading._topics import topic_ratio

MODEL_DIR = Path(__file__).parents[1] / "src" / "mlprep" / "grading" / "model"


def keep_top_contradictions(reading: Reading, k: int = 1, wide: float = 0.0) -> Reading:
    """``reading`` with each passage's contradictions of criterion claims kept only for
    its ``k`` most contradicted ones (the rest read as neutral); with ``wide`` > 0, only
    for passages contradicting (P >= 0.6) at least 3 claims and more than that share."""
    probs = reading.probs.copy()
    criterion = np.array([s.kind == "criterion" for s in reading.specs])
    if probs.size == 0 or not criterion.any():
        return reading
    con = np.where(criterion[:, None], probs[:, :, CONTRADICTS], -1.0)
    kept = np.zeros(con.shape, bool)
    for row in np.argsort(-con, axis=0)[:k]:
        kept[row, np.arange(con.shape[1])] = True
    drop = criterion[:, None] & ~kept
    if wide > 0:
        hits = ((con >= 0.6) & criterion[:, None]).sum(axis=0)
        drop &= ((hits >= 3) & (hits > wide * criterion.sum()))[None, :]
    moved = np.where(drop, probs[:, :, CONTRADICTS], 0.0)
    probs[:, :, CONTRADICTS] -= moved
    probs[:, :, NEUTRAL] += moved
    return replace(reading, probs=probs.astype(np.float32))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readings", type=Path, required=True, help="readings cache (JSON)")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="claim model folder")
    args = parser.parse_args()
    bank, bank_kinds = tuning_answers(1)
    extra, extra_kinds = independent_answers()
    answers, kinds = bank + extra, bank_kinds + extra_kinds
    claims = ClaimGrader(ClaimModel(args.model, threads=1))
    lexical = LexicalGrader()
    shipped = [
        HybridReading(
            lexical.grade(a.question, a.sample.text), r, topic_ratio(a.question, a.sample.text)
        )
        for a, r in zip(answers, claim_readings(answers, claims, args.readings), strict=True)
    ]
    rules = {
        "shipped": shipped,
        "top 1": [replace(h, claims=keep_top_contradictions(h.claims)) for h in shipped],
        "top 2": [replace(h, claims=keep_top_contradictions(h.claims, 2)) for h in shipped],
        "top 1 if > half": [
            replace(h, claims=keep_top_contradictions(h.claims, 1, 0.5)) for h in shipped
        ],
        "top 1 if > 0.7": [
            replace(h, claims=keep_top_contradictions(h.claims, 1, 0.7)) for h in shipped
        ],
    }
    params = HybridParams()
    about = (params.thresholds.about_margin, params.thresholds.about_floor)
    parts = {"bank": range(len(bank)), "independent": range(len(bank), len(answers))}
    for name, readings in rules.items():
        scores = list(FastHybrid(answers, readings, [about]).scores(params))
        for part, idx in parts.items():
            s = summary(
                [answers[i] for i in idx], [kinds[i] for i in idx], [scores[i] for i in idx]
            )
            passing = {k: int(v) for k, v in s["passing_by_kind"].items()}
            print(
                f"{name:16s} {part:12s} kappa {s['band_qwk']:.3f} spearman {s['spearman']:.3f} "
                f"strong>weak {s['strong_over_weak']:.3f}\n    means {s['mean_by_kind']}\n"
                f"    passing {passing}"
            )
        low = sum(1 for i in parts["bank"] if kinds[i] == "strong" and scores[i] < 0.3)
        print(f"    bank strong samples below 0.3: {low}")


if __name__ == "__main__":
    main()
