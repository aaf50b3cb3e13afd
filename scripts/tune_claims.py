"""Fit the claim grader's thresholds on the bank's scored samples (never the held-out set).

    python scripts/tune_claims.py [--json] [--model DIR] [--every K]

Uses every samples.toml answer of the written questions except the questions kept
out of training (mlprep.grading.training.EXCLUDED_QUESTIONS), plus two kinds of
answer made from those samples, all worth 0: another question's strong sample (an
answer to another question must not pass: one at random, and one of the nearest
question, the one whose model answer shares most words with this one's, since an
answer to a neighbouring topic is the hard case) and a bare list of a strong sample's
words (a list of terms states nothing). Reads each answer once with the model, then
grid-searches ``Thresholds`` (highest kappa, then Spearman, then lowest mean absolute
error). Prints the chosen point and the figures of the shipped defaults: kappa and
Spearman against the samples' totals, strong > weak, the mean score of each kind.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

from mlprep.content import Sample, load_bank
from mlprep.grading._claim_model import MODEL_DIR, ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading, Thresholds
from mlprep.grading._text import FUNCTION_WORDS
from mlprep.grading.calibration import LabelledAnswer, figures, labelled_answers
from mlprep.grading.training import EXCLUDED_QUESTIONS
from mlprep.grading.training.data import _cosine, _stems

GRID = {
    "support_low": [0.5, 0.6, 0.7],
    "support_high": [0.8, 0.9],
    "contradict": [0.4, 0.5, 0.6],
    "misconception": [0.9],
    "contradiction_penalty": [0.0, 0.5, 1.0],
    "on_topic": [0.6, 0.7, 0.8, 0.9],
}
SEED = 13


def _made_up(answers: list[LabelledAnswer]) -> list[tuple[str, LabelledAnswer]]:
    """Off-topic and keyword-list answers made from the samples, each worth 0."""
    rng = random.Random(SEED)
    strong = [a for a in answers if a.sample.quality == "strong"]
    questions = sorted({a.question.id: a.question for a in answers}.values(), key=lambda q: q.id)
    words = {q.id: _stems(q.answer) for q in questions}
    out: list[tuple[str, LabelledAnswer]] = []
    for question in questions:
        other = rng.choice([a for a in strong if a.question.id != question.id])
        zero = Sample(id="off-topic", quality="wrong", text=other.sample.text, total=0, scores={})
        out.append(("off-topic", LabelledAnswer(question, zero)))
        near = max(
            (a for a in strong if a.question.id != question.id),
            key=lambda a: (_cosine(words[question.id], words[a.question.id]), a.question.id),
        )
        zero = Sample(id="near-topic", quality="wrong", text=near.sample.text, total=0, scores={})
        out.append(("near-topic", LabelledAnswer(question, zero)))
        own = [a for a in strong if a.question.id == question.id]
        if own:
            words = [
                w.lower()
                for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", own[0].sample.text)
                if w.lower() not in FUNCTION_WORDS
            ]
            chosen = sorted(set(words), key=words.index)[:15]
            text = rng.choice([", ", "; ", "\n"]).join(chosen)
            zero = Sample(id="keywords", quality="wrong", text=text, total=0, scores={})
            out.append(("keywords", LabelledAnswer(question, zero)))
    return out


def summarise(
    grader: ClaimGrader, answers: list[LabelledAnswer], kinds: list[str], readings: list[Reading]
) -> dict[str, Any]:
    scores = [grader.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    fig = figures(answers, scores, grader="claims", split="bank samples (excluded questions out)")
    by_kind: dict[str, list[float]] = {}
    for kind, s in zip(kinds, scores, strict=True):
        by_kind.setdefault(kind, []).append(s)
    return {
        "qwk": round(fig.qwk, 3),
        "spearman": round(fig.spearman, 3),
        "strong_over_weak": round(fig.strong_over_weak, 3),
        "pass_agreement": round(fig.pass_agreement, 3),
        "mae": round(fig.mean_abs_error, 3),
        "answers": fig.answers,
        "questions": fig.questions,
        "mean_by_kind": {k: round(statistics.fmean(v), 3) for k, v in sorted(by_kind.items())},
        "passing_by_kind": {k: sum(s >= 0.6 for s in v) for k, v in sorted(by_kind.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model folder")
    parser.add_argument("--threads", type=int, default=2, help="model threads (offline)")
    parser.add_argument("--every", type=int, default=1, help="use every k-th answer (time)")
    args = parser.parse_args()
    samples = [a for a in labelled_answers(load_bank()) if a.question.id not in EXCLUDED_QUESTIONS]
    samples = samples[:: args.every]
    made_up = [m for kind in ("off-topic", "near-topic", "keywords") for m in _made_up(samples) if m[0] == kind]
    made_up = made_up[:: args.every]
    answers = samples + [a for _, a in made_up]
    kinds = [a.sample.quality for a in samples] + [k for k, _ in made_up]
    grader = ClaimGrader(ClaimModel(args.model, threads=args.threads))
    t0 = time.time()
    readings = [grader.read(a.question, a.sample.text) for a in answers]
    read_s = time.time() - t0
    shipped = summarise(grader, answers, kinds, readings)
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
    chosen = summarise(ClaimGrader(grader.model, best[1]), answers, kinds, readings)
    out = {
        "read_seconds": round(read_s, 1),
        "shipped": {"thresholds": Thresholds().__dict__, **shipped},
        "best": {"thresholds": best[1].__dict__, **chosen},
    }
    print(json.dumps(out, indent=1) if args.json else json.dumps(out))


if __name__ == "__main__":
    main()
