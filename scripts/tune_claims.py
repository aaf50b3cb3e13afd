"""Fit the claim grader's thresholds on the bank's scored samples (never the held-out set).

    python scripts/tune_claims.py [--json] [--model DIR] [--every K]

Uses every samples.toml answer of the written questions except the questions kept
out of training (mlprep.grading.training.EXCLUDED_QUESTIONS), plus two kinds of
answer made from those samples, all worth 0: another question's strong sample (an
answer to another question must not pass: one at random, and one of the nearest
question, the one whose model answer shares most words with this one's, since an
answer to a neighbouring topic is the hard case) and a bare list of a strong sample's
words (a list of terms states nothing). Reads each answer once with the model, then
grid-searches ``Thresholds`` (highest kappa on the evaluation's 0-4 bands,
``label_of_score``, then Spearman, then lowest mean absolute error). Prints the
chosen point and the figures of the shipped defaults: kappa and Spearman against the
samples' totals, strong > weak, the mean score of each kind.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from mlprep.content import Sample, load_bank
from mlprep.grading._claim_model import CONTRADICTS, MODEL_DIR, SUPPORTS, ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading, Thresholds, on_topic_share
from mlprep.grading._text import FUNCTION_WORDS
from mlprep.grading.calibration import (
    LabelledAnswer,
    figures,
    labelled_answers,
    quadratic_weighted_kappa,
)
from mlprep.grading.evaluation import label_of_score
from mlprep.grading.training import EXCLUDED_QUESTIONS
from mlprep.grading.training.data import _cosine, _stems

GRID = {
    "support_low": [0.4, 0.5, 0.6, 0.7, 0.8],
    "support_high": [0.7, 0.8, 0.9, 0.95],
    "contradict": [0.4, 0.5, 0.6],
    "misconception": [0.8, 0.9, 0.95, 0.98],
    "contradiction_penalty": [0.0, 0.5, 1.0],
    "on_topic": [0.6, 0.7, 0.8, 0.9, 1.0],
}
SEED = 13


def _made_up(answers: list[LabelledAnswer]) -> list[tuple[str, LabelledAnswer]]:
    """Off-topic and keyword-list answers made from the samples, each worth 0."""
    rng = random.Random(SEED)
    strong = [a for a in answers if a.sample.quality == "strong"]
    questions = sorted({a.question.id: a.question for a in answers}.values(), key=lambda q: q.id)
    topics = {q.id: _stems(q.answer) for q in questions}
    out: list[tuple[str, LabelledAnswer]] = []
    for question in questions:
        other = rng.choice([a for a in strong if a.question.id != question.id])
        zero = Sample(id="off-topic", quality="wrong", text=other.sample.text, total=0, scores={})
        out.append(("off-topic", LabelledAnswer(question, zero)))
        near = max(
            (a for a in strong if a.question.id != question.id),
            key=lambda a: (_cosine(topics[question.id], topics[a.question.id]), a.question.id),
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


def tuning_answers(every: int = 1) -> tuple[list[LabelledAnswer], list[str]]:
    """The bank's samples (excluded questions out) and the made-up answers, with their
    kinds, in a fixed order (a readings file is only valid for the same order)."""
    samples = [a for a in labelled_answers(load_bank()) if a.question.id not in EXCLUDED_QUESTIONS]
    samples = samples[::every]
    made_up = [
        m
        for kind in ("off-topic", "near-topic", "keywords")
        for m in _made_up(samples)
        if m[0] == kind
    ]
    made_up = made_up[::every]
    answers = samples + [a for _, a in made_up]
    kinds = [a.sample.quality for a in samples] + [k for k, _ in made_up]
    return answers, kinds


def summarise(
    grader: ClaimGrader, answers: list[LabelledAnswer], kinds: list[str], readings: list[Reading]
) -> dict[str, Any]:
    scores = [grader.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    fig = figures(answers, scores, grader="claims", split="bank samples (excluded questions out)")
    by_kind: dict[str, list[float]] = {}
    for kind, s in zip(kinds, scores, strict=True):
        by_kind.setdefault(kind, []).append(s)
    return {
        "band_qwk": round(band_kappa(answers, scores), 3),
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


class FastScores:
    """``ClaimGrader.score(...).score`` for many thresholds at once, from the readings'
    per-claim maxima (the grid has about 1,500 points: the report objects are too slow).
    ``main`` checks it against the grader itself at the chosen point."""

    def __init__(self, answers: list[LabelledAnswer], readings: list[Reading]) -> None:
        sup, con, weight, owner = [], [], [], []
        m_sup, m_pen, m_owner = [], [], []
        self.max_points = np.array([a.question.max_points for a in answers], float)
        self.share = np.array([on_topic_share(r) for r in readings])
        for i, (a, r) in enumerate(zip(answers, readings, strict=True)):
            n = r.probs.shape[1]
            s = r.probs[:, :, SUPPORTS].max(axis=1) if n else np.zeros(len(r.specs))
            c = r.probs[:, :, CONTRADICTS].max(axis=1) if n else np.zeros(len(r.specs))
            for criterion in a.question.rubric.criterion:
                own = [
                    k
                    for k, spec in enumerate(r.specs)
                    if spec.owner == criterion.id and spec.kind == "criterion"
                ]
                for k in own:
                    sup.append(s[k])
                    con.append(c[k])
                    weight.append(criterion.points / len(own))
                    owner.append(i)
            miscs = [k for k, spec in enumerate(r.specs) if spec.kind == "misconception"]
            for m, k in zip(a.question.rubric.misconception, miscs, strict=True):
                m_sup.append(s[k] if n else 0.0)
                m_pen.append(m.penalty)
                m_owner.append(i)
        self.sup, self.con = np.array(sup), np.array(con)
        self.weight, self.owner = np.array(weight), np.array(owner, int)
        self.m_sup, self.m_pen = np.array(m_sup), np.array(m_pen)
        self.m_owner = np.array(m_owner, int)
        self.n = len(answers)

    def scores(self, t: Thresholds) -> list[float]:
        contradicted = (self.con >= t.contradict) & (self.con > self.sup)
        span = max(1e-6, t.support_high - t.support_low)
        credit = np.where(contradicted, 0.0, np.clip((self.sup - t.support_low) / span, 0, 1))
        earned = np.bincount(self.owner, self.weight * credit, self.n)
        wrong = t.contradiction_penalty * np.bincount(
            self.owner, self.weight * contradicted, self.n
        )
        charged = self.m_pen * (self.m_sup >= t.misconception)
        penalties = np.bincount(self.m_owner, charged, self.n)
        net = np.maximum(0.0, earned - wrong - penalties)
        scale = np.where(self.share < t.on_topic, self.share / max(t.on_topic, 1e-9), 1.0)
        net = net * scale
        out = np.where(
            self.max_points > 0, np.minimum(1.0, net / np.maximum(self.max_points, 1e-9)), 0.0
        )
        return [round(float(x), 4) for x in out]


def band_kappa(answers: list[LabelledAnswer], scores: list[float]) -> float:
    """Kappa with human and machine read on the evaluation's 0-4 bands (label_of_score)."""
    return quadratic_weighted_kappa(
        [label_of_score(s) for s in scores], [label_of_score(a.human) for a in answers]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model folder")
    parser.add_argument("--threads", type=int, default=2, help="model threads (offline)")
    parser.add_argument("--every", type=int, default=1, help="use every k-th answer (time)")
    parser.add_argument(
        "--readings",
        type=Path,
        default=None,
        help="keep the model's readings in this file (reused when it exists: same model)",
    )
    parser.add_argument(
        "--per-claim", type=int, default=None, help="passages read per claim (default: shipped)"
    )
    args = parser.parse_args()
    answers, kinds = tuning_answers(args.every)
    options = {} if args.per_claim is None else {"per_claim": args.per_claim}
    grader = ClaimGrader(ClaimModel(args.model, threads=args.threads), **options)
    t0 = time.time()
    if args.readings is not None and args.readings.exists():
        readings = pickle.loads(args.readings.read_bytes())
    else:
        readings = [grader.read(a.question, a.sample.text) for a in answers]
        if args.readings is not None:
            args.readings.write_bytes(pickle.dumps(readings))
    read_s = time.time() - t0
    shipped = summarise(grader, answers, kinds, readings)
    best: tuple[tuple[float, float, float], Thresholds] | None = None
    fast = FastScores(answers, readings)
    for values in itertools.product(*GRID.values()):
        t = Thresholds(**dict(zip(GRID, values, strict=True)))
        if t.support_high <= t.support_low:
            continue
        scores = fast.scores(t)
        fig = figures(answers, scores, grader="claims", split="tune")
        key = (round(band_kappa(answers, scores), 3), round(fig.spearman, 3), -fig.mean_abs_error)
        if best is None or key > best[0]:
            best = (key, t)
    assert best is not None
    slow = ClaimGrader(grader.model, best[1])
    exact = [slow.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    gap = max(abs(x - y) for x, y in zip(exact, fast.scores(best[1]), strict=True))
    assert gap <= 0.01, f"the fast scores drift from the grader's by {gap}"
    chosen = summarise(ClaimGrader(grader.model, best[1]), answers, kinds, readings)
    out = {
        "read_seconds": round(read_s, 1),
        "shipped": {"thresholds": Thresholds().__dict__, **shipped},
        "best": {"thresholds": best[1].__dict__, **chosen},
    }
    print(json.dumps(out, indent=1) if args.json else json.dumps(out))


if __name__ == "__main__":
    main()
