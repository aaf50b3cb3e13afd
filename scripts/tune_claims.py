"""Fit the claim grader's thresholds on the bank's scored samples (never the held-out set).

    python scripts/tune_claims.py [--json]

Uses every samples.toml answer of the written questions except the questions kept
out of training (mlprep.grading.training.EXCLUDED_QUESTIONS), reads each answer once
with the model, then grid-searches ``Thresholds`` (highest kappa, then Spearman,
then lowest mean absolute error). Prints the chosen point and the figures of the
shipped defaults: kappa and Spearman against the samples' totals, strong > weak,
the mean score of each sample quality.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path
from typing import Any

from mlprep.content import load_bank
from mlprep.grading._claim_model import MODEL_DIR, ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading, Thresholds
from mlprep.grading.calibration import LabelledAnswer, figures, labelled_answers
from mlprep.grading.training import EXCLUDED_QUESTIONS

GRID = {
    "support_low": [0.35, 0.5, 0.6, 0.7],
    "support_high": [0.7, 0.8, 0.9],
    "contradict": [0.5, 0.6, 0.7, 0.8],
    "misconception": [0.7, 0.8, 0.9, 0.95],
}


def summarise(
    grader: ClaimGrader, answers: list[LabelledAnswer], readings: list[Reading]
) -> dict[str, Any]:
    scores = [grader.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    fig = figures(answers, scores, grader="claims", split="bank samples (excluded questions out)")
    by_quality: dict[str, list[float]] = {}
    for a, s in zip(answers, scores, strict=True):
        by_quality.setdefault(a.sample.quality, []).append(s)
    return {
        "qwk": round(fig.qwk, 3),
        "spearman": round(fig.spearman, 3),
        "strong_over_weak": round(fig.strong_over_weak, 3),
        "pass_agreement": round(fig.pass_agreement, 3),
        "mae": round(fig.mean_abs_error, 3),
        "answers": fig.answers,
        "questions": fig.questions,
        "mean_by_quality": {
            q: round(statistics.fmean(v), 3) for q, v in sorted(by_quality.items())
        },
        "wrong_passing": sum(
            1
            for a, s in zip(answers, scores, strict=True)
            if a.sample.quality == "wrong" and s >= 0.6
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model folder")
    parser.add_argument("--threads", type=int, default=2, help="model threads (offline)")
    parser.add_argument("--every", type=int, default=1, help="use every k-th answer (time)")
    args = parser.parse_args()
    answers = [a for a in labelled_answers(load_bank()) if a.question.id not in EXCLUDED_QUESTIONS]
    answers = answers[:: args.every]
    grader = ClaimGrader(ClaimModel(args.model, threads=args.threads))
    t0 = time.time()
    readings = [grader.read(a.question, a.sample.text) for a in answers]
    read_s = time.time() - t0
    shipped = summarise(grader, answers, readings)
    best: tuple[tuple[float, float, float], Thresholds] | None = None
    for values in itertools.product(*GRID.values()):
        t = Thresholds(**dict(zip(GRID, values, strict=True)))
        if t.support_high <= t.support_low:
            continue
        g = ClaimGrader(grader.model, t)
        scores = [g.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
        fig = figures(answers, scores, grader="claims", split="tune")
        key = (round(fig.qwk, 3), round(fig.spearman, 3), -fig.mean_abs_error)
        if best is None or key > best[0]:
            best = (key, t)
    assert best is not None
    chosen = summarise(ClaimGrader(grader.model, best[1]), answers, readings)
    out = {
        "read_seconds": round(read_s, 1),
        "shipped": {"thresholds": Thresholds().__dict__, **shipped},
        "best": {"thresholds": best[1].__dict__, **chosen},
    }
    print(json.dumps(out, indent=1) if args.json else json.dumps(out))


if __name__ == "__main__":
    main()
