"""Grade the independent evaluation set with every installed grader, side by side.

    python scripts/grade_heldout.py [--grader NAME ...] [--json FILE] [--set DIR]
    python scripts/grade_heldout.py --grader default --model DIR \
        [--claims-tuned FILE] [--hybrid-tuned FILE]      # a candidate model
    python scripts/grade_heldout.py --grader default --about-hybrid   # the about rule too

Prints the grading issue's figures per grader (docs/grading.md quotes them) and, with
--per-level, the mean score of each level of answer. The set is tests/grading/heldout/
(or --set DIR, e.g. tests/grading/heldout2/): answers written from the prompts alone and
labelled before any grader ran.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from mlprep.content import load_bank
from mlprep.grading import available_graders, get_grader
from mlprep.grading.evaluation import HELDOUT_TARGETS, grade_heldout, load_heldout

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "grading" / "heldout"


def _candidates(model_dir: Path, claims_tuned: Path | None, hybrid_tuned: Path | None) -> Any:
    """The claim and hybrid graders on a candidate model, with the numbers fitted for it."""
    from mlprep.grading._claim_model import ClaimModel
    from mlprep.grading._claims import ClaimGrader, Thresholds
    from mlprep.grading._hybrid import HybridGrader, HybridParams

    model = ClaimModel(model_dir)
    thresholds = Thresholds()
    if claims_tuned is not None:
        thresholds = Thresholds(**json.loads(claims_tuned.read_text())["best"]["thresholds"])
    out: list[tuple[str, Any]] = [(f"claims[{model_dir.name}]", ClaimGrader(model, thresholds))]
    if hybrid_tuned is not None:
        chosen = json.loads(hybrid_tuned.read_text())["chosen"]
        params = HybridParams(
            lexical_weight=chosen["lexical_weight"],
            lexical_floor=chosen.get("lexical_floor", 1.0),
            thresholds=Thresholds(**chosen["thresholds"]),
            lexical_misconceptions=chosen["lexical_misconceptions"],
            topic_low=chosen["topic"][0],
            topic_high=chosen["topic"][1],
        )
        out.append(
            (f"hybrid[{model_dir.name}]", HybridGrader(claims=ClaimGrader(model), params=params))
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grader", action="append", help="grader name (default: all installed)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--set",
        type=Path,
        default=HELDOUT,
        help="the evaluation set's folder (default: %(default)s)",
    )
    parser.add_argument(
        "--model", type=Path, help="also grade with a candidate claim model (its folder)"
    )
    parser.add_argument(
        "--claims-tuned", type=Path, help="tune_claims.py --json output: its chosen thresholds"
    )
    parser.add_argument(
        "--hybrid-tuned", type=Path, help="tune_hybrid.py --json output: its chosen numbers"
    )
    parser.add_argument(
        "--about-hybrid",
        action="store_true",
        help="also grade with the hybrid's about-rule numbers (ABOUT_THRESHOLDS, not shipped)",
    )
    args = parser.parse_args()
    bank = load_bank()
    if not args.set.is_dir():
        parser.error(f"{args.set} is not a folder")
    answers = load_heldout(args.set)
    names = args.grader or sorted(available_graders())
    graders: list[tuple[str, Any]] = []
    for name in names:
        try:
            graders.append((name, get_grader(name)))
        except Exception as exc:  # a grader that cannot load is reported, not fatal
            print(f"{name}: unavailable ({exc})", file=sys.stderr)
    if args.model is not None:
        graders.extend(_candidates(args.model, args.claims_tuned, args.hybrid_tuned))
    if args.about_hybrid:
        from mlprep.grading._claims import ClaimGrader
        from mlprep.grading._hybrid import ABOUT_THRESHOLDS, HybridGrader, HybridParams

        shared = get_grader("claims")
        assert isinstance(shared, ClaimGrader)
        about = HybridParams(thresholds=ABOUT_THRESHOLDS)
        graders.append(("hybrid, about rule", HybridGrader(claims=shared, params=about)))
    rows = []
    for name, grader in graders:
        start = time.perf_counter()
        figures = grade_heldout(
            answers,
            lambda qid, text, grader=grader: grader.grade(bank.get(qid), text).score,
            grader=name,
        )
        elapsed = time.perf_counter() - start
        rows.append(figures.as_dict() | {"seconds": round(elapsed, 2)})
        print(f"\n== {name}: {figures.answers} answers, {figures.questions} questions", end="")
        print(f", {elapsed:.1f} s")
        for key, target in HELDOUT_TARGETS.items():
            attr = key.removesuffix("_max")
            value = getattr(figures, attr)
            if attr.startswith("unseen") and figures.unseen_questions == 0:
                print(f"  {attr:22}      n/a   (none of UNSEEN_QUESTIONS is in this set)")
                continue
            ok = value <= target if key.endswith("_max") else value >= target
            sign = "<=" if key.endswith("_max") else ">="
            verdict = "ok" if ok else "MISSED"
            print(f"  {attr:22} {value:8.3f}   target {sign} {target:<6} {verdict}")
        print("  level means: " + ", ".join(f"{k} {v:.2f}" for k, v in figures.level_means.items()))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
