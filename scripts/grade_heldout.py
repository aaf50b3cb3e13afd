"""Grade the independent evaluation set with every installed grader, side by side.

    python scripts/grade_heldout.py [--grader NAME ...] [--json FILE]

Prints the grading issue's figures per grader (docs/grading.md quotes them) and, with
--per-level, the mean score of each level of answer. The set is tests/grading/heldout/:
answers written from the prompts alone and labelled before any grader ran.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from mlprep.content import load_bank
from mlprep.grading import available_graders, get_grader
from mlprep.grading.evaluation import HELDOUT_TARGETS, grade_heldout, load_heldout

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "grading" / "heldout"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grader", action="append", help="grader name (default: all installed)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    bank = load_bank()
    answers = load_heldout(HELDOUT)
    names = args.grader or sorted(available_graders())
    rows = []
    for name in names:
        try:
            grader = get_grader(name)
        except Exception as exc:  # a grader that cannot load is reported, not fatal
            print(f"{name}: unavailable ({exc})", file=sys.stderr)
            continue
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
