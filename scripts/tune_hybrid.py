"""Fit the hybrid grader's numbers on the bank's samples; validate on held-out bank questions.

    python scripts/tune_hybrid.py --readings FILE [--model DIR] [--every K] [--json]

The answers are tune_claims.py's (the bank's samples, the excluded questions out, and
made-up off-topic, near-topic and keyword answers worth 0), read once by the claim
model (``--readings``: the file tune_claims.py writes, or written here) and once by
the lexical grader. They are split by question: the claim model's dev questions
(``dev_question``: never trained on) are the validation part, the others the fitting
part. The grid is searched on the fitting part only (highest kappa on the 0-4 bands,
then Spearman, then lowest mean absolute error); the chosen point's figures are
printed for both parts, beside the lexical grader's and the claim grader's (with its
shipped thresholds) on the same answers. tests/grading/heldout/ is never read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_claims import band_kappa, tuning_answers

from mlprep.grading._claim_model import CONTRADICTS, MODEL_DIR, SUPPORTS, ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading, Thresholds, on_topic_share
from mlprep.grading._hybrid import HybridGrader, HybridParams, HybridReading
from mlprep.grading._lexical import LexicalGrader
from mlprep.grading._topics import topic_ratio
from mlprep.grading.calibration import LabelledAnswer, figures
from mlprep.grading.training import dev_question

GRID: dict[str, list[Any]] = {
    "lexical_weight": [0.0, 0.25, 0.5, 0.75, 1.0],
    "support_low": [0.5, 0.6, 0.7],
    "support_high": [0.8, 0.9],
    "contradict": [0.4, 0.5, 0.6],
    "misconception": [0.9, 0.95],
    "contradiction_penalty": [0.0, 0.5, 1.0],
    "on_topic": [0.0, 0.7, 0.9],
    "lexical_misconceptions": [False, True],
    "topic": [(0.0, 0.0), (0.3, 0.7), (0.5, 0.8), (0.5, 0.9), (0.6, 0.9), (0.7, 1.0), (0.8, 1.0)],
}


class FastHybrid:
    """``HybridGrader.score(...).score`` for many parameter points at once (vectorised
    over answers); ``main`` checks it against the grader at the chosen point."""

    def __init__(self, answers: list[LabelledAnswer], readings: list[HybridReading]) -> None:
        c_sup, c_con, c_crit, c_weight = [], [], [], []
        k_lex, k_points, k_owner = [], [], []
        m_sup, m_lex, m_pen, m_owner = [], [], [], []
        self.max_points = np.array([a.question.max_points for a in answers], float)
        self.share = np.array([on_topic_share(r.claims) for r in readings])
        self.topic = np.array([r.topic for r in readings])
        crit_index = 0
        for i, (a, r) in enumerate(zip(answers, readings, strict=True)):
            probs = r.claims.probs
            n = probs.shape[1]
            sup = probs[:, :, SUPPORTS].max(axis=1) if n else np.zeros(len(r.claims.specs))
            con = probs[:, :, CONTRADICTS].max(axis=1) if n else np.zeros(len(r.claims.specs))
            for criterion, lex in zip(a.question.rubric.criterion, r.lexical.criteria, strict=True):
                own = [
                    k
                    for k, spec in enumerate(r.claims.specs)
                    if spec.owner == criterion.id and spec.kind == "criterion"
                ]
                for k in own:
                    c_sup.append(sup[k])
                    c_con.append(con[k])
                    c_crit.append(crit_index)
                    c_weight.append(1.0 / len(own))
                k_lex.append(lex.earned / criterion.points if criterion.points else 0.0)
                k_points.append(criterion.points)
                k_owner.append(i)
                crit_index += 1
            miscs = [k for k, spec in enumerate(r.claims.specs) if spec.kind == "misconception"]
            lexical_found = {m.id for m in r.lexical.misconceptions}
            for m, k in zip(a.question.rubric.misconception, miscs, strict=True):
                m_sup.append(sup[k] if n else 0.0)
                m_lex.append(m.id in lexical_found)
                m_pen.append(m.penalty)
                m_owner.append(i)
        self.c_sup, self.c_con = np.array(c_sup), np.array(c_con)
        self.c_crit, self.c_weight = np.array(c_crit, int), np.array(c_weight)
        self.k_lex, self.k_points = np.array(k_lex), np.array(k_points, float)
        self.k_owner = np.array(k_owner, int)
        self.m_sup, self.m_lex = np.array(m_sup), np.array(m_lex, bool)
        self.m_pen, self.m_owner = np.array(m_pen), np.array(m_owner, int)
        self.n, self.n_crit = len(answers), crit_index

    def scores(self, p: HybridParams) -> np.ndarray:
        t = p.thresholds
        contradicted = (self.c_con >= t.contradict) & (self.c_con > self.c_sup)
        span = max(1e-6, t.support_high - t.support_low)
        credit = np.where(contradicted, 0.0, np.clip((self.c_sup - t.support_low) / span, 0, 1))
        claims = np.bincount(self.c_crit, self.c_weight * credit, self.n_crit)
        contra = np.bincount(self.c_crit, self.c_weight * contradicted, self.n_crit)
        share = (1 - contra) * (p.lexical_weight * self.k_lex + (1 - p.lexical_weight) * claims)
        earned = np.bincount(self.k_owner, self.k_points * share, self.n)
        wrong = t.contradiction_penalty * np.bincount(self.k_owner, self.k_points * contra, self.n)
        charged = self.m_sup >= t.misconception
        if p.lexical_misconceptions:
            charged = charged | self.m_lex
        penalties = np.bincount(self.m_owner, self.m_pen * charged, self.n)
        net = np.maximum(0.0, earned - wrong - penalties)
        if t.on_topic > 0:
            net = net * np.where(self.share < t.on_topic, self.share / t.on_topic, 1.0)
        if p.topic_high > 0:
            span = max(1e-6, p.topic_high - p.topic_low)
            ramp = np.clip((self.topic - p.topic_low) / span, 0.0, 1.0)
            net = net * np.where(self.topic >= p.topic_high, 1.0, ramp)
        return np.where(
            self.max_points > 0, np.minimum(1.0, net / np.maximum(self.max_points, 1e-9)), 0.0
        )


def points(grid: dict[str, list[Any]]) -> list[HybridParams]:
    out = []
    for values in itertools.product(*grid.values()):
        v = dict(zip(grid, values, strict=True))
        if v["support_high"] <= v["support_low"]:
            continue
        t = Thresholds(
            support_low=v["support_low"],
            support_high=v["support_high"],
            contradict=v["contradict"],
            misconception=v["misconception"],
            contradiction_penalty=v["contradiction_penalty"],
            on_topic=v["on_topic"],
        )
        low, high = v["topic"]
        out.append(HybridParams(v["lexical_weight"], t, v["lexical_misconceptions"], low, high))
    return out


def summary(answers: list[LabelledAnswer], kinds: list[str], scores: list[float]) -> dict[str, Any]:
    fig = figures(answers, scores, grader="hybrid", split="")
    by_kind: dict[str, list[float]] = {}
    for kind, s in zip(kinds, scores, strict=True):
        by_kind.setdefault(kind, []).append(s)
    return {
        "band_qwk": round(band_kappa(answers, scores), 3),
        "spearman": round(fig.spearman, 3),
        "strong_over_weak": round(fig.strong_over_weak, 3),
        "mae": round(fig.mean_abs_error, 3),
        "answers": fig.answers,
        "questions": fig.questions,
        "mean_by_kind": {k: round(statistics.fmean(v), 3) for k, v in sorted(by_kind.items())},
        "passing_by_kind": {k: sum(s >= 0.6 for s in v) for k, v in sorted(by_kind.items())},
    }


_EDGES = np.array([0.15, 0.35, 0.6, 0.8])  # evaluation.label_of_score's bands


def _ranks(x: np.ndarray) -> np.ndarray:
    """Tie-averaged ranks (as calibration.spearman computes them), vectorised."""
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + ends - 1) / 2.0)[inverse]


class FastKey:
    """The grid's ranking key (band kappa, Spearman, -MAE) for one fixed answer set,
    vectorised: the same values as band_kappa and calibration.figures, much faster."""

    def __init__(self, answers: list[LabelledAnswer]) -> None:
        self.human = np.array([a.human for a in answers], float)
        self.human_band = np.searchsorted(_EDGES, self.human, side="right")
        self.human_ranks = _ranks(self.human)
        grid = np.arange(5)
        self.weights = (grid[:, None] - grid[None, :]) ** 2 / 16.0

    def __call__(self, scores: np.ndarray) -> tuple[float, float, float]:
        band = np.searchsorted(_EDGES, scores, side="right")
        observed = np.bincount(band * 5 + self.human_band, minlength=25).reshape(5, 5)
        expected = np.outer(observed.sum(1), observed.sum(0)) / len(scores)
        denom = float((self.weights * expected).sum())
        kappa = 1.0 - float((self.weights * observed).sum()) / denom if denom else 0.0
        r = _ranks(scores)
        rho = float(np.corrcoef(r, self.human_ranks)[0, 1]) if r.std() > 0 else 0.0
        return (round(kappa, 3), round(rho, 3), -float(np.abs(scores - self.human).mean()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="model folder")
    parser.add_argument("--threads", type=int, default=2, help="model threads (offline)")
    parser.add_argument(
        "--readings", type=Path, required=True, help="the claim model's readings (reused if there)"
    )
    parser.add_argument("--every", type=int, default=1, help="use every k-th answer (time)")
    args = parser.parse_args()
    answers, kinds = tuning_answers(args.every)
    claims = ClaimGrader(ClaimModel(args.model, threads=args.threads))
    t0 = time.time()
    if args.readings.exists():
        claim_readings: list[Reading] = pickle.loads(args.readings.read_bytes())
        if len(claim_readings) != len(answers):
            parser.error(f"{args.readings}: {len(claim_readings)} readings, not {len(answers)}")
    else:
        claim_readings = [claims.read(a.question, a.sample.text) for a in answers]
        args.readings.write_bytes(pickle.dumps(claim_readings))
    lexical = LexicalGrader()
    readings = [
        HybridReading(
            lexical.grade(a.question, a.sample.text), r, topic_ratio(a.question, a.sample.text)
        )
        for a, r in zip(answers, claim_readings, strict=True)
    ]
    read_s = time.time() - t0
    dev = np.array([dev_question(a.question.id) for a in answers])
    parts = {"fit": np.flatnonzero(~dev), "dev": np.flatnonzero(dev)}

    def sub(idx: np.ndarray, values: list[Any]) -> list[Any]:
        return [values[i] for i in idx]

    fast = FastHybrid(answers, readings)
    fit = parts["fit"]
    fit_answers = sub(fit, answers)
    best: tuple[tuple[float, float, float], HybridParams] | None = None
    grid = points(GRID)
    key_of = FastKey(fit_answers)
    for n, p in enumerate(grid):
        key = key_of(fast.scores(p)[fit])
        if best is None or key > best[0]:
            best = (key, p)
        if n % 5000 == 0:
            print(f"  {n}/{len(grid)} points, best so far {best[0]}", file=sys.stderr, flush=True)
    assert best is not None
    chosen = best[1]
    fit_scores = [float(x) for x in fast.scores(chosen)[fit]]
    assert round(band_kappa(fit_answers, fit_scores), 3) == best[0][0], "FastKey drifts"
    grader = HybridGrader(LexicalGrader(), claims, chosen)
    exact = [grader.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    gap = float(np.max(np.abs(np.array(exact) - fast.scores(chosen))))
    assert gap <= 0.01, f"the fast scores drift from the grader's by {gap}"
    shipped = HybridGrader(LexicalGrader(), claims)
    default = [shipped.score(a.question, r).score for a, r in zip(answers, readings, strict=True)]
    lexical_scores = [r.lexical.score for r in readings]
    claim_scores = [
        claims.score(a.question, r.claims).score for a, r in zip(answers, readings, strict=True)
    ]
    out: dict[str, Any] = {
        "read_seconds": round(read_s, 1),
        "grid_points": len(grid),
        "chosen": {
            "lexical_weight": chosen.lexical_weight,
            "lexical_misconceptions": chosen.lexical_misconceptions,
            "topic": [chosen.topic_low, chosen.topic_high],
            "thresholds": chosen.thresholds.__dict__,
        },
    }
    for name, idx in parts.items():
        a_, k_ = sub(idx, answers), sub(idx, kinds)
        out[name] = {
            "hybrid, chosen": summary(a_, k_, sub(idx, exact)),
            "hybrid, shipped numbers": summary(a_, k_, sub(idx, default)),
            "lexical": summary(a_, k_, sub(idx, lexical_scores)),
            "claims": summary(a_, k_, sub(idx, claim_scores)),
        }
    print(json.dumps(out, indent=1) if args.json else json.dumps(out))


if __name__ == "__main__":
    main()
