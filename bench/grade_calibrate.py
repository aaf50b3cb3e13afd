"""Fit the graders' few numbers on the tuning split; report both splits.

    python bench/grade_calibrate.py [--semantic] [--json]

Only the tuning part of the labelled set (split by question, see
mlprep.grading.calibration.split_of) chooses parameters: the grid point with the
highest quadratic weighted kappa, ties broken by the smaller mean absolute error.
The held-out figures are printed for the chosen point and for the numbers the code
ships with, and are never used to choose. Copy a chosen point into Params /
SemanticParams by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import replace
from typing import Any

from mlprep.content import load_bank
from mlprep.grading._lexical import DEFAULT_PARAMS, LexicalGrader, Params
from mlprep.grading._lexical_report import build_report, lexical_shares
from mlprep.grading.calibration import Figures, LabelledAnswer, figures, labelled_answers


def _lexical_scores(prepared: list[Any], params: Params) -> list[float]:
    scores = []
    for answer, rubric, analysis in prepared:
        report = build_report(
            question=answer.question,
            rubric=rubric,
            analysis=analysis,
            grader="default",
            shares=lexical_shares(analysis),
            best_lines=[None] * len(rubric.criteria),
            params=params,
        )
        scores.append(report.score)
    return scores


def _pick(rows: list[tuple[Any, Figures]]) -> tuple[Any, Figures]:
    return max(rows, key=lambda r: (round(r[1].qwk, 4), -r[1].mean_abs_error))


def calibrate_default(tune: list[LabelledAnswer], held: list[LabelledAnswer]) -> dict[str, Any]:
    grader = LexicalGrader()

    def prepare(answers: list[LabelledAnswer]) -> list[Any]:
        return [(a, *grader.analyse(a.question, a.sample.text)) for a in answers]

    tune_prepared, held_prepared = prepare(tune), prepare(held)
    grid = []
    for gamma, penalty in itertools.product([0.6, 0.8, 1.0, 1.2, 1.5], [0.5, 0.75, 1.0, 1.5]):
        params = replace(DEFAULT_PARAMS, gamma=gamma, penalty_scale=penalty)
        got = figures(tune, _lexical_scores(tune_prepared, params), grader="default", split="tune")
        grid.append((params, got))
    chosen, chosen_tune = _pick(grid)
    return {
        "grader": "default",
        "chosen": {"gamma": chosen.gamma, "penalty_scale": chosen.penalty_scale},
        "tune": chosen_tune.as_dict(),
        "holdout_chosen": figures(
            held, _lexical_scores(held_prepared, chosen), grader="default", split="holdout"
        ).as_dict(),
        "shipped": {"gamma": DEFAULT_PARAMS.gamma, "penalty_scale": DEFAULT_PARAMS.penalty_scale},
        "holdout_shipped": figures(
            held, _lexical_scores(held_prepared, DEFAULT_PARAMS), grader="default", split="holdout"
        ).as_dict(),
    }


def calibrate_matching(tune: list[LabelledAnswer], held: list[LabelledAnswer]) -> dict[str, Any]:
    """The default grader's matching options: synonym groups, the word-order window and
    partial credit. Each point re-analyses the answers, so the grid is kept small."""

    def scores(answers: list[LabelledAnswer], params: Params) -> list[float]:
        grader = LexicalGrader(params)
        return [grader.grade(a.question, a.sample.text).score for a in answers]

    grid = []
    for synonyms, slack, partial in [
        (False, 0, 0.0),
        (True, 0, 0.0),
        (True, 2, 0.0),
        (True, 3, 0.0),
        (True, 5, 0.0),
        (True, 3, 0.5),
        (True, 5, 0.5),
    ]:
        params = replace(
            DEFAULT_PARAMS, synonyms=synonyms, unordered_slack=slack, partial_credit=partial
        )
        grid.append((params, figures(tune, scores(tune, params), grader="default", split="tune")))
    chosen, chosen_tune = _pick(grid)

    def knobs(p: Params) -> dict[str, Any]:
        return {
            "synonyms": p.synonyms,
            "unordered_slack": p.unordered_slack,
            "partial_credit": p.partial_credit,
        }

    return {
        "grader": "default (matching)",
        "chosen": knobs(chosen),
        "tune": chosen_tune.as_dict(),
        "holdout_chosen": figures(
            held, scores(held, chosen), grader="default", split="holdout"
        ).as_dict(),
        "shipped": knobs(DEFAULT_PARAMS),
        "holdout_shipped": figures(
            held, scores(held, DEFAULT_PARAMS), grader="default", split="holdout"
        ).as_dict(),
    }


def calibrate_semantic(tune: list[LabelledAnswer], held: list[LabelledAnswer]) -> dict[str, Any]:
    from mlprep.grading._semantic import DEFAULT_SEMANTIC, SemanticGrader

    started = time.perf_counter()
    grader = SemanticGrader()
    load = time.perf_counter() - started

    def prepare(answers: list[LabelledAnswer]) -> list[Any]:
        return [(a, *grader.similarities(a.question, a.sample.text)) for a in answers]

    t0 = time.perf_counter()
    tune_prepared = prepare(tune)
    held_prepared = prepare(held)
    per_answer = (time.perf_counter() - t0) / max(1, len(tune) + len(held))

    def scores(prepared: list[Any], semantic: Any) -> list[float]:
        grader.semantic = semantic
        return [grader.report(a.question, r, an, sims).score for a, r, an, sims in prepared]

    grid = []
    for low, width, weight in itertools.product(
        [0.84, 0.86, 0.88, 0.90, 0.92], [0.02, 0.04, 0.06, 0.10], [0.25, 0.5, 0.75, 1.0]
    ):
        semantic = replace(DEFAULT_SEMANTIC, low=low, high=low + width, weight=weight)
        got = figures(tune, scores(tune_prepared, semantic), grader="semantic", split="tune")
        grid.append((semantic, got))
    chosen, chosen_tune = _pick(grid)
    return {
        "grader": "semantic",
        "load_seconds": load,
        "seconds_per_answer_while_calibrating": per_answer,
        "chosen": {"low": chosen.low, "high": chosen.high, "weight": chosen.weight},
        "tune": chosen_tune.as_dict(),
        "holdout_chosen": figures(
            held, scores(held_prepared, chosen), grader="semantic", split="holdout"
        ).as_dict(),
        "shipped": {
            "low": DEFAULT_SEMANTIC.low,
            "high": DEFAULT_SEMANTIC.high,
            "weight": DEFAULT_SEMANTIC.weight,
        },
        "holdout_shipped": figures(
            held, scores(held_prepared, DEFAULT_SEMANTIC), grader="semantic", split="holdout"
        ).as_dict(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="also fit the semantic grader")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    bank = load_bank()
    tune, held = labelled_answers(bank, "tune"), labelled_answers(bank, "holdout")
    results = [calibrate_default(tune, held), calibrate_matching(tune, held)]
    if args.semantic:
        results.append(calibrate_semantic(tune, held))
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return
    for result in results:
        print(
            f"== {result['grader']}: chosen on tune {result['chosen']}, shipped {result['shipped']}"
        )
        for key in ("tune", "holdout_chosen", "holdout_shipped"):
            f = result[key]
            print(
                f"  {key:16s} q={f['questions']:3d} n={f['answers']:4d} "
                f"spearman={f['spearman']:.3f} qwk={f['qwk']:.3f} "
                f"strong>weak={f['strong_over_weak']:.3f} ({f['pairs']} pairs) "
                f"pass={f['pass_agreement']:.3f} gap={f['mean_gap_sd']:.3f}sd "
                f"mae={f['mean_abs_error']:.3f}"
            )


if __name__ == "__main__":
    main()
